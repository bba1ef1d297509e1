from inburgering.shared.http.problems import Conflict, DomainError, Forbidden, NotFound


class AdviesNietGevonden(NotFound):
    code = "advies-niet-gevonden"


class TermijnNietGevonden(NotFound):
    code = "termijn-niet-gevonden"


class AdviesAlVastgesteld(Conflict):
    code = "advies-al-vastgesteld"
    title = "De leerroute bij dit advies is al vastgesteld."


class LeerrouteNietVastgesteld(Conflict):
    code = "leerroute-niet-vastgesteld"
    title = "De leerroute is nog niet vastgesteld."


class MotiveringVereist(DomainError):
    code = "motivering-vereist"
    title = "Een motivering is vereist."


class LeerrouteVereist(DomainError):
    code = "leerroute-vereist"
    title = "Een leerroute is vereist."


class LeerrouteOngewijzigd(Conflict):
    code = "leerroute-ongewijzigd"
    title = "De gevraagde leerroute is al de huidige leerroute."


class RoutewijzigingVensterGesloten(Conflict):
    code = "routewijziging-venster-gesloten"
    title = "De leerroute kan niet meer worden gewijzigd (art. 17 lid 2 Wi2021, art. 5.4 Bi2021)."


class AfschalingAlleenVanuitB1Route(Conflict):
    code = "afschaling-alleen-vanuit-b1-route"
    title = "Afschalen naar A2 kan alleen vanuit de B1-route (art. 17 lid 3 Wi2021)."


class OnvoldoendeNt2Uren(Conflict):
    code = "onvoldoende-nt2-uren"
    title = "Afschalen naar A2 vereist 600 uur NT2 (art. 17 lid 3 Wi2021, art. 5.5 Bi2021)."


class VaardigheidAlAfgeschaald(Conflict):
    code = "vaardigheid-al-afgeschaald"
    title = "Deze vaardigheid is al afgeschaald naar A2."


class BeleidMetTerugwerkendeKracht(DomainError):
    code = "beleid-met-terugwerkende-kracht"
    title = "Beleid kan niet met terugwerkende kracht ingaan."


class GeenRegelsetVanKracht(DomainError):
    code = "geen-regelset-van-kracht"
    title = "Er is geen regelset van kracht."


class InburgeraarNietGevonden(NotFound):
    code = "inburgeraar-niet-gevonden"


class EindgesprekVereist(DomainError):
    code = "eindgesprek-vereist"
    title = "De MAP is afgerond met het eindgesprek (art. 6 lid 6 Wi2021, art. 3.2 Bi2021)."


class DatumInDeToekomst(DomainError):
    code = "datum-in-de-toekomst"
    title = "Een geregistreerde gebeurtenis kan niet na vandaag liggen."


class NietInZRoute(Conflict):
    code = "niet-in-z-route"
    title = "Het eindgesprek van de Z-route hoort bij de Z-route (art. 3.14 Bi2021)."


class SamenwerkingsverbandNietGevonden(NotFound):
    code = "samenwerkingsverband-niet-gevonden"


class BeleidAlleenDoorLead(Forbidden):
    code = "beleid-alleen-door-lead"
    title = "Alleen de lead-gemeente stelt het beleid van het samenwerkingsverband vast."


class BeleidVoorAndereLeerroute(Conflict):
    code = "beleid-voor-andere-leerroute"
    title = "Dit beleid hoort bij een andere leerroute dan die van het samenwerkingsverband."
