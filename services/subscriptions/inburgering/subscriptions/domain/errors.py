from inburgering.shared.http.problems import DomainError, NotFound


class AbonnementNietGevonden(NotFound):
    code = "abonnement-niet-gevonden"


class AfleveringNietGevonden(NotFound):
    code = "aflevering-niet-gevonden"


class CallbackNietBevestigd(DomainError):
    code = "callback-niet-bevestigd"
    title = "De callback URL bevestigt niet dat hij gebeurtenissen wil ontvangen."


class BestemmingNietToegestaan(DomainError):
    code = "bestemming-niet-toegestaan"
    title = "Het platform mag deze URL niet aanroepen."


class GeenToegangstoken(DomainError):
    code = "geen-toegangstoken"
    title = "Met de client credentials is geen toegangstoken te verkrijgen."


class OnbekendType(DomainError):
    code = "onbekend-gebeurtenistype"
    title = "Een of meer gebeurtenistypen bestaan niet."


class GemeenteOnduidelijk(DomainError):
    code = "gemeentecode-vereist"
    title = "Geef aan voor welke gemeente."


class AbonnementBeeindigd(DomainError):
    status = 409
    code = "abonnement-beeindigd"
    title = "Het abonnement is beëindigd."
