"""Why a statistics view is refused; rendered as Problem Details at the edge."""

from inburgering.shared.http.problems import Forbidden


class StatistiekAlleenVoorLead(Forbidden):
    code = "statistiek-alleen-voor-lead"
    title = "Alleen een lead-gemeente van het netwerk (of beheer) ziet de cijfers van het netwerk."
