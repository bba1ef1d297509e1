from inburgering.shared.http.problems import Conflict, DomainError, NotFound


class OngeldigBsn(DomainError):
    code = "ongeldig-bsn"
    title = "Het BSN is ongeldig."


class InburgeraarAlAangemeld(Conflict):
    code = "inburgeraar-al-aangemeld"
    title = "Deze inburgeraar is al aangemeld bij deze gemeente."


class InburgeraarNietGevonden(NotFound):
    code = "inburgeraar-niet-gevonden"


class IntakeAlAfgerond(Conflict):
    code = "intake-al-afgerond"
    title = "De brede intake van deze inburgeraar is al afgerond."
