from inburgering.shared.http.problems import Conflict, DomainError, Forbidden, NotFound


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


class NotificatieOngeldig(DomainError):
    code = "notificatie-ongeldig"
    title = "De notificatie voldoet niet aan de specificatie."


class BerichtIdHergebruikt(DomainError):
    code = "bericht-id-hergebruikt"
    title = "Dit berichtId is al gebruikt voor een andere notificatie."


class OnbekendeAfzender(Forbidden):
    code = "onbekende-afzender"
    title = "De afzender of het doel van het bericht is niet bekend."


class GeboortedatumOnbekend(Conflict):
    code = "geboortedatum-onbekend"
    title = "De geboortedatum van deze inburgeraar is nog niet bekend."


class DuoNotificatieNietGevonden(NotFound):
    code = "duo-notificatie-niet-gevonden"


class PipNietGevonden(NotFound):
    code = "pip-niet-gevonden"


class PipNietInConcept(Conflict):
    code = "pip-niet-in-concept"
    title = "Alleen een PIP in concept kan worden vastgesteld."


class PipOngeldig(DomainError):
    code = "pip-ongeldig"
    title = "Het PIP voldoet niet aan de regels van DUO."


class LeerbaarheidstoetsOngeldig(DomainError):
    code = "leerbaarheidstoets-ongeldig"
    title = "De gegevens van de leerbaarheidstoets passen niet bij elkaar."


class UitslagWijktAf(DomainError):
    code = "leerbaarheidstoets-uitslag-wijkt-af"
    title = "De uitslag volgt niet uit de score en de cesuur op de afnamedatum."


class RechtOpAlleenSprekenNietMeegedeeld(DomainError):
    code = "recht-op-alleen-spreken-niet-meegedeeld"
    title = "De brede intake kan pas worden afgerond als dit recht is meegedeeld."


class RechtOpAlleenSprekenOnbekend(DomainError):
    code = "recht-op-alleen-spreken-onbekend"
    title = "De brede intake moet vastleggen dat het recht op alleen spreken is meegedeeld."


class GezondheidNietBevoegd(Forbidden):
    code = "gezondheid-niet-bevoegd"
    title = "Gezondheidsgegevens zijn alleen voor wie ze voor de taak nodig heeft."


class GezondheidNietGevonden(NotFound):
    code = "gezondheid-niet-gevonden"


class IntakeNietGevonden(NotFound):
    code = "brede-intake-niet-gevonden"


class InburgeringsaanbodNietGevonden(NotFound):
    code = "inburgeringsaanbod-niet-gevonden"


class ContactgegevensNietGevonden(NotFound):
    code = "contactgegevens-niet-gevonden"


class InburgeringsaanbodAlAfgeleverd(Conflict):
    code = "inburgeringsaanbod-al-afgeleverd"
    title = "DUO heeft dit inburgeringsaanbod al geregistreerd; opnieuw melden kan niet."
