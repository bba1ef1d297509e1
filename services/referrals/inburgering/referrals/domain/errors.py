from inburgering.shared.http.problems import Conflict, DomainError, Forbidden, NotFound


class VerwijzingNietGevonden(NotFound):
    code = "verwijzing-niet-gevonden"


class OpleidingNietGevonden(NotFound):
    code = "opleiding-niet-gevonden"


class CohortNietGevonden(NotFound):
    code = "cohort-niet-gevonden"


class InburgeraarNietGevonden(NotFound):
    """Also for another gemeente's inburgeraar: the answer must not tell who exists where."""

    code = "inburgeraar-niet-gevonden"
    title = "De inburgeraar is voor deze gemeente (nog) niet bekend."


class LeerrouteWijktAf(DomainError):
    code = "leerroute-wijkt-af"
    title = "De leerroute wijkt af van de vastgestelde leerroute."


class OngeldigeOvergang(Conflict):
    code = "ongeldige-statusovergang"
    title = "Deze stap past niet bij de huidige status van de verwijzing."


class CohortVol(Conflict):
    code = "cohort-vol"
    title = "Het cohort heeft geen vrije plaatsen meer."


class AanmeldtermijnVerstreken(Conflict):
    code = "aanmeldtermijn-verstreken"
    title = "De aanmeldtermijn van het cohort is verstreken."


class NiveauPastNiet(Conflict):
    code = "niveau-past-niet"
    title = "De opleiding heeft een ander niveau dan de verwijzing."


class GemeenteNietInNetwerk(Conflict):
    code = "gemeente-niet-in-netwerk"
    title = "De gemeente neemt niet deel aan het hbo/wo-netwerk."


class CohortPlaatsenTeLaag(Conflict):
    code = "cohort-plaatsen-te-laag"
    title = "Er zijn al meer plaatsen bezet dan het nieuwe aantal."


class GeenInstelling(Forbidden):
    code = "geen-instelling"


class GeenLeadGemeente(Forbidden):
    code = "geen-lead-gemeente"
    title = "Alleen beheer of een lead-gemeente van het netwerk beheert het netwerk."


class NetwerkgemeenteNietGevonden(NotFound):
    code = "netwerkgemeente-niet-gevonden"


class GemeenteAlInNetwerk(Conflict):
    code = "gemeente-al-in-netwerk"
    title = "De gemeente neemt al deel aan het hbo/wo-netwerk."


class LaatsteLeadGemeente(Conflict):
    code = "laatste-lead-gemeente"
    title = "Het netwerk houdt ten minste één lead-gemeente."


class HerindieningVereistLaterCohort(Conflict):
    code = "herindiening-vereist-later-cohort"
    title = (
        "Na een afwijzing kan de verwijzing opnieuw worden ingediend bij een later cohort van "
        "dezelfde opleiding of bij een andere opleiding."
    )
