from inburgering.shared.http.problems import Forbidden, NotFound


class PlaatsingNietGevonden(NotFound):
    code = "plaatsing-niet-gevonden"


class GeenKvkNummer(Forbidden):
    code = "geen-kvk-nummer"
    title = "Het token van de aanbieder noemt geen KvK-nummer."
