from inburgering.shared.http.problems import Conflict, DomainError, NotFound


class AdviesNietGevonden(NotFound):
    code = "advies-niet-gevonden"


class AdviesAlVastgesteld(Conflict):
    code = "advies-al-vastgesteld"
    title = "De leerroute bij dit advies is al vastgesteld."


class MotiveringVereist(DomainError):
    code = "motivering-vereist"
    title = "Een motivering is vereist."


class LeerrouteVereist(DomainError):
    code = "leerroute-vereist"
    title = "Een leerroute is vereist."
