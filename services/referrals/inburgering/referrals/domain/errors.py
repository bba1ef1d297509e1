from inburgering.shared.http.problems import NotFound


class VerwijzingNietGevonden(NotFound):
    code = "verwijzing-niet-gevonden"
