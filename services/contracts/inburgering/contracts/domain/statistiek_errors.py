"""Why a statistics view is refused; rendered as Problem Details at the edge."""

from inburgering.shared.http.problems import DomainError, Forbidden


class SamenwerkingsverbandVereist(DomainError):
    code = "samenwerkingsverband-vereist"
    title = "Een regio vraagt de cijfers op van één samenwerkingsverband dat zij trekt."


class StatistiekAlleenVoorTrekker(Forbidden):
    code = "statistiek-alleen-voor-trekker"
    title = "Alleen de trekker van het samenwerkingsverband (of beheer) ziet zijn cijfers."


class AlleenEigenCijfers(Forbidden):
    code = "alleen-eigen-cijfers"
    title = "Een gemeente ziet de cijfers van haar eigen gemeentecodes."
