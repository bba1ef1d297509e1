from inburgering.shared.http.problems import Conflict, DomainError, Forbidden, NotFound


class PlaatsingNietGevonden(NotFound):
    code = "plaatsing-niet-gevonden"


class LeerroutebesluitNietGevonden(NotFound):
    code = "leerroutebesluit-niet-gevonden"
    title = "Dit leerroutebesluit is voor deze gemeente niet bekend."


class PlaatsingWijktAfVanBesluit(DomainError):
    code = "plaatsing-wijkt-af-van-besluit"
    title = "De aanvraag past niet bij het vastgestelde leerroutebesluit."


class AanbiederNietGevonden(NotFound):
    code = "aanbieder-niet-gevonden"


class ContractNietGevonden(NotFound):
    code = "contract-niet-gevonden"


class GeenKvkNummer(Forbidden):
    code = "geen-kvk-nummer"
    title = "Het token van de aanbieder noemt geen KvK-nummer."


class OngeldigeOvergang(Conflict):
    code = "ongeldige-statusovergang"
    title = "Deze handeling past niet bij de status van de plaatsing."


class AanwezigheidAlGemeld(Conflict):
    code = "aanwezigheid-al-gemeld"
    title = "Voor deze lesdag is de aanwezigheid al gemeld."


class PlaatsingBestaatAl(Conflict):
    code = "plaatsing-bestaat-al"
    title = "Voor dit leerroutebesluit is al een plaatsing aangevraagd."


class GeenPlaatsingOpVerzoek(DomainError):
    code = "geen-plaatsing-op-verzoek"
    title = "Voor deze doelgroep vraagt de gemeente geen plaatsing op verzoek aan."


class CapaciteitOnderBezetting(Conflict):
    code = "capaciteit-onder-bezetting"
    title = "De capaciteit kan niet lager worden dan het aantal geplaatste trajecten."


class OngeldigeAanwezigheid(DomainError):
    code = "ongeldige-aanwezigheid"
    title = "De aanwezigheidsmelding klopt niet."


class DatumInDeToekomst(DomainError):
    code = "datum-in-de-toekomst"
    title = "Een melding gaat over wat al gebeurd is."


class DatumVoorStart(DomainError):
    code = "datum-voor-start"
    title = "De datum ligt voor de start van het traject."


class OngeldigeWijziging(DomainError):
    code = "ongeldige-contractwijziging"
    title = "Deze contractwijziging kan niet."


class SamenwerkingsverbandNietGevonden(NotFound):
    code = "samenwerkingsverband-niet-gevonden"


class SamenwerkingsverbandBeheerVerboden(Forbidden):
    code = "alleen-trekker-beheert"
    title = "Alleen de trekker van het samenwerkingsverband (of beheer) wijzigt het."


class OngeldigSamenwerkingsverband(DomainError):
    code = "ongeldig-samenwerkingsverband"
    title = "Dit samenwerkingsverband kan zo niet worden opgericht."


class OngeldigLidmaatschap(DomainError):
    code = "ongeldig-lidmaatschap"
    title = "Dit lidmaatschap kan niet."


class LidmaatschapOverlapt(Conflict):
    code = "lidmaatschap-overlapt"
    title = "De gemeente is in die periode al lid."


class GeenLopendLidmaatschap(NotFound):
    code = "geen-lopend-lidmaatschap"
    title = "Deze gemeente heeft geen lopend lidmaatschap."


class AanbiederBestaatAl(Conflict):
    code = "aanbieder-bestaat-al"
    title = "Een aanbieder met dit KvK-nummer is al geregistreerd."


class OngeldigContract(DomainError):
    code = "ongeldig-contract"
    title = "Dit contract kan zo niet worden gesloten."


class OngeldigContractregister(DomainError):
    code = "ongeldig-contractregister"
    title = "Het contractregister is niet geladen: het bevat fouten."
