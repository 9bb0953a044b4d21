"""Generate ontology/nations.ttl: every ISO 3166-1 country as a pg:Nation, and the states
ISO has not coded under their user-assigned codes (``NOT_IN_ISO``: Kosovo, XKX).

pycountry supplies the codes and official names; the table below supplies what
news text writes instead: the common name ("Bolivia", not "Bolivia,
Plurinational State of"), aliases ("U.S.", "Holland", "DRC"), demonyms
("Brazilian", "Philippine", "Filipino") and the capital. This table is the one
place those words live: the extractor reads only the generated Turtle.

Table rows are ``CODE | label | capital | demonyms | aliases``, lists separated
by ``;``. A row with an empty code continues the row above. A demonym ending
in ``+`` is a noun with a regular plural, emitted with and without a final
"s". Where two nations share an adjective in English ("Dominican",
"Congolese") the one news cites less gets its name as its attributive form,
as do uninhabited territories; every label, alias and demonym names exactly
one nation, and the generator refuses a table where that fails. Disputed
capitals are left out.

Demonyms and capitals in Spanish, French and Portuguese, and the official
adjectival names built from them, come from ``romance_nation_words.py``.
Names in Spanish, French and Portuguese come from pycountry's own gettext
translations of ISO 3166-1 (common, short and official names, and the short
form news writes: "Bolivia" for "Bolivia, Estado plurinacional de"); a
translated name that would name two nations ("Corea", "Congo") is left out.

Run: ``python scripts/build_nations.py [--output PATH]``.
"""

from __future__ import annotations

import argparse
import gettext
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import pycountry
from pycountry.db import Country
from romance_nation_words import NationWords, read_table, without_clashes

from graph.namespaces import ID

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = REPO_ROOT / "ontology" / "nations.ttl"
ONTOLOGY_IRI = "https://w3id.org/pactgraph/ontology/nations"
VERSION = "0.1.0"
TRANSLATED = ("es", "fr", "pt")

#: States that ISO 3166-1 has not assigned a code, under the user-assigned codes the
#: European Union, the World Bank and the IMF use for them; pycountry does not list them.
NOT_IN_ISO = {
    "XKX": Country(alpha_2="XK", alpha_3="XKX", name="Kosovo", official_name="Republic of Kosovo"),
}

TABLE = """
ABW | Aruba | Oranjestad | Aruban+ |
AFG | Afghanistan | Kabul | Afghan+ |
AGO | Angola | Luanda | Angolan+ |
AIA | Anguilla | The Valley | Anguillan+ |
ALA | Åland Islands | Mariehamn | Ålander+; Åland Islander+ | Åland; Aland Islands
ALB | Albania | Tirana | Albanian+ |
AND | Andorra | Andorra la Vella | Andorran+ |
ARE | United Arab Emirates | Abu Dhabi | Emirati+ | UAE; U.A.E.; the UAE; the Emirates
ARG | Argentina | Buenos Aires | Argentine+; Argentinian+ |
ARM | Armenia | Yerevan | Armenian+ |
ASM | American Samoa | Pago Pago | American Samoan+ |
ATA | Antarctica | | Antarctic |
ATF | French Southern Territories | | French Southern Territories |
    | | | | French Southern and Antarctic Lands
ATG | Antigua and Barbuda | St. John's | Antiguan+; Barbudan+ | Antigua
AUS | Australia | Canberra | Australian+ |
AUT | Austria | Vienna | Austrian+ |
AZE | Azerbaijan | Baku | Azerbaijani+; Azeri+ |
BDI | Burundi | Gitega | Burundian+ |
BEL | Belgium | Brussels | Belgian+ |
BEN | Benin | Porto-Novo | Beninese |
BES | Bonaire, Sint Eustatius and Saba | Kralendijk | Bonairean+; Statian+; Saban+ |
    | | | | Caribbean Netherlands; Bonaire; Sint Eustatius
BFA | Burkina Faso | Ouagadougou | Burkinabe; Burkinabè |
BGD | Bangladesh | Dhaka | Bangladeshi+ |
BGR | Bulgaria | Sofia | Bulgarian+ |
BHR | Bahrain | Manama | Bahraini+ |
BHS | Bahamas | Nassau | Bahamian+ | the Bahamas
BIH | Bosnia and Herzegovina | Sarajevo | Bosnian+; Herzegovinian+ | Bosnia; Bosnia-Herzegovina; BiH
BLM | Saint Barthélemy | Gustavia | Barthélemois | St. Barthélemy; St. Barts; St Barts
BLR | Belarus | Minsk | Belarusian+ |
BLZ | Belize | Belmopan | Belizean+ |
BMU | Bermuda | Hamilton | Bermudian+ |
BOL | Bolivia | Sucre | Bolivian+ |
BRA | Brazil | Brasília | Brazilian+ | Brasil
BRB | Barbados | Bridgetown | Barbadian+; Bajan+ |
BRN | Brunei | Bandar Seri Begawan | Bruneian+ | Brunei Darussalam
BTN | Bhutan | Thimphu | Bhutanese |
BVT | Bouvet Island | | Bouvet Island | Bouvetøya
BWA | Botswana | Gaborone | Motswana; Batswana; Botswanan+ |
CAF | Central African Republic | Bangui | Central African+ | the Central African Republic
CAN | Canada | Ottawa | Canadian+ |
CCK | Cocos (Keeling) Islands | West Island | Cocos Islander+ | Cocos Islands; Keeling Islands
CHE | Switzerland | Bern | Swiss |
CHL | Chile | Santiago | Chilean+ |
CHN | China | Beijing | Chinese | PRC; mainland China
CIV | Ivory Coast | Yamoussoukro | Ivorian+ | Côte d'Ivoire; Cote d'Ivoire
CMR | Cameroon | Yaoundé | Cameroonian+ |
COD | Democratic Republic of the Congo | Kinshasa | Congolese |
    | | | | DR Congo; D.R. Congo; DRC; the DRC; Democratic Republic of Congo; Congo-Kinshasa
COG | Republic of the Congo | Brazzaville | Congo-Brazzaville | Republic of Congo; Congo Republic
COK | Cook Islands | Avarua | Cook Islander+ | the Cook Islands
COL | Colombia | Bogotá | Colombian+ |
COM | Comoros | Moroni | Comorian+ | the Comoros
CPV | Cape Verde | Praia | Cape Verdean+; Cabo Verdean+ | Cabo Verde
CRI | Costa Rica | San José | Costa Rican+ |
CUB | Cuba | Havana | Cuban+ |
CUW | Curaçao | Willemstad | Curaçaoan+ | Curacao
CXR | Christmas Island | Flying Fish Cove | Christmas Islander+ |
CYM | Cayman Islands | George Town | Caymanian+ | the Cayman Islands; Caymans
CYP | Cyprus | Nicosia | Cypriot+ |
CZE | Czechia | Prague | Czech+ |
DEU | Germany | Berlin | German+ | Deutschland
DJI | Djibouti | Djibouti | Djiboutian+ |
DMA | Dominica | Roseau | Dominica |
DNK | Denmark | Copenhagen | Danish; Dane+ |
DOM | Dominican Republic | Santo Domingo | Dominican+ | the Dominican Republic
DZA | Algeria | Algiers | Algerian+ |
ECU | Ecuador | Quito | Ecuadorian+; Ecuadorean+ |
EGY | Egypt | Cairo | Egyptian+ |
ERI | Eritrea | Asmara | Eritrean+ |
ESH | Western Sahara | | Sahrawi+; Saharawi+ |
ESP | Spain | Madrid | Spanish; Spaniard+ | España
EST | Estonia | Tallinn | Estonian+ |
ETH | Ethiopia | Addis Ababa | Ethiopian+ |
FIN | Finland | Helsinki | Finnish; Finn+ |
FJI | Fiji | Suva | Fijian+ |
FLK | Falkland Islands | Stanley | Falkland Islander+ | Falklands; the Falklands
    | | | | Malvinas; Islas Malvinas
FRA | France | Paris | French |
FRO | Faroe Islands | Tórshavn | Faroese | Faroes; the Faroes; Faeroe Islands
FSM | Micronesia | Palikir | Micronesian+ |
GAB | Gabon | Libreville | Gabonese |
GBR | United Kingdom | London | British; Briton+ |
    | | | | UK; U.K.; the UK; the U.K.; the United Kingdom; Britain; Great Britain
GEO | Georgia | Tbilisi | Georgian+ |
GGY | Guernsey | St Peter Port | Guernésiais | Bailiwick of Guernsey
GHA | Ghana | Accra | Ghanaian+ |
GIB | Gibraltar | Gibraltar | Gibraltarian+ |
GIN | Guinea | Conakry | Guinean+ | Guinea-Conakry
GLP | Guadeloupe | Basse-Terre | Guadeloupean+ |
GMB | Gambia | Banjul | Gambian+ | the Gambia
GNB | Guinea-Bissau | Bissau | Bissau-Guinean+ |
GNQ | Equatorial Guinea | Malabo | Equatorial Guinean+; Equatoguinean+ |
GRC | Greece | Athens | Greek+; Hellenic | Hellas
GRD | Grenada | St. George's | Grenadian+ |
GRL | Greenland | Nuuk | Greenlandic; Greenlander+ | Kalaallit Nunaat
GTM | Guatemala | Guatemala City | Guatemalan+ |
GUF | French Guiana | Cayenne | French Guianese | Guyane
GUM | Guam | Hagåtña | Guamanian+ |
GUY | Guyana | Georgetown | Guyanese |
HKG | Hong Kong | | Hongkonger+; Hong Konger+ | Hong Kong SAR; HKSAR
HMD | Heard Island and McDonald Islands | | Heard Island | McDonald Islands
HND | Honduras | Tegucigalpa | Honduran+ |
HRV | Croatia | Zagreb | Croatian+; Croat+ | Hrvatska
HTI | Haiti | Port-au-Prince | Haitian+ |
HUN | Hungary | Budapest | Hungarian+ |
IDN | Indonesia | Jakarta | Indonesian+ |
IMN | Isle of Man | Douglas | Manx |
IND | India | New Delhi | Indian+ | Bharat
IOT | British Indian Ocean Territory | | Chagossian+ | BIOT; Chagos Islands; Chagos Archipelago
IRL | Ireland | Dublin | Irish | Republic of Ireland; Éire; Eire
IRN | Iran | Tehran | Iranian+ |
IRQ | Iraq | Baghdad | Iraqi+ |
ISL | Iceland | Reykjavík | Icelandic; Icelander+ |
ISR | Israel | | Israeli+ |
ITA | Italy | Rome | Italian+ | Italia
JAM | Jamaica | Kingston | Jamaican+ |
JEY | Jersey | St Helier | Jèrriais | Bailiwick of Jersey
JOR | Jordan | Amman | Jordanian+ |
JPN | Japan | Tokyo | Japanese | Nippon
KAZ | Kazakhstan | Astana | Kazakh+; Kazakhstani+ |
KEN | Kenya | Nairobi | Kenyan+ |
KGZ | Kyrgyzstan | Bishkek | Kyrgyz; Kyrgyzstani+ |
KHM | Cambodia | Phnom Penh | Cambodian+ |
KIR | Kiribati | South Tarawa | I-Kiribati |
KNA | Saint Kitts and Nevis | Basseterre | Kittitian+; Nevisian+ |
    | | | | St. Kitts and Nevis; St Kitts and Nevis; Saint Kitts; St. Kitts; Nevis
KOR | South Korea | Seoul | South Korean+; Korean+ | Republic of Korea; ROK; Korea
KWT | Kuwait | Kuwait City | Kuwaiti+ |
LAO | Laos | Vientiane | Lao; Laotian+ | Lao PDR; Lao People's Democratic Republic
LBN | Lebanon | Beirut | Lebanese |
LBR | Liberia | Monrovia | Liberian+ |
LBY | Libya | Tripoli | Libyan+ |
LCA | Saint Lucia | Castries | Saint Lucian+; St. Lucian+ | St. Lucia; St Lucia
LIE | Liechtenstein | Vaduz | Liechtensteiner+ |
LKA | Sri Lanka | Sri Jayawardenepura Kotte | Sri Lankan+ | Ceylon
LSO | Lesotho | Maseru | Basotho; Mosotho |
LTU | Lithuania | Vilnius | Lithuanian+ |
LUX | Luxembourg | Luxembourg | Luxembourgish; Luxembourger+ |
LVA | Latvia | Riga | Latvian+ |
MAC | Macao | | Macanese | Macau; Macao SAR
MAF | Saint Martin | Marigot | Saint-Martinois | Saint-Martin; St. Martin
    | | | | Collectivity of Saint Martin
MAR | Morocco | Rabat | Moroccan+ |
MCO | Monaco | Monaco | Monégasque+; Monegasque+ |
MDA | Moldova | Chișinău | Moldovan+ |
MDG | Madagascar | Antananarivo | Malagasy |
MDV | Maldives | Malé | Maldivian+ | the Maldives
MEX | Mexico | Mexico City | Mexican+ | México
MHL | Marshall Islands | Majuro | Marshallese | the Marshall Islands
MKD | North Macedonia | Skopje | North Macedonian+; Macedonian+ | Macedonia
MLI | Mali | Bamako | Malian+ |
MLT | Malta | Valletta | Maltese |
MMR | Myanmar | Naypyidaw | Burmese | Burma
MNE | Montenegro | Podgorica | Montenegrin+ |
MNG | Mongolia | Ulaanbaatar | Mongolian+ |
MNP | Northern Mariana Islands | Saipan | Northern Marianan+ | Northern Marianas; CNMI
MOZ | Mozambique | Maputo | Mozambican+ |
MRT | Mauritania | Nouakchott | Mauritanian+ |
MSR | Montserrat | Plymouth | Montserratian+ |
MTQ | Martinique | Fort-de-France | Martinican+; Martiniquais |
MUS | Mauritius | Port Louis | Mauritian+ |
MWI | Malawi | Lilongwe | Malawian+ |
MYS | Malaysia | Kuala Lumpur | Malaysian+ |
MYT | Mayotte | Mamoudzou | Mahoran+; Mahorais |
NAM | Namibia | Windhoek | Namibian+ |
NCL | New Caledonia | Nouméa | New Caledonian+ |
NER | Niger | Niamey | Nigerien+ |
NFK | Norfolk Island | Kingston | Norfolk Islander+ |
NGA | Nigeria | Abuja | Nigerian+ |
NIC | Nicaragua | Managua | Nicaraguan+ |
NIU | Niue | Alofi | Niuean+ |
NLD | Netherlands | Amsterdam | Dutch | the Netherlands; Holland; Nederland
NOR | Norway | Oslo | Norwegian+ |
NPL | Nepal | Kathmandu | Nepali+; Nepalese |
NRU | Nauru | Yaren | Nauruan+ |
NZL | New Zealand | Wellington | New Zealander+ | NZ; Aotearoa
OMN | Oman | Muscat | Omani+ |
PAK | Pakistan | Islamabad | Pakistani+ |
PAN | Panama | Panama City | Panamanian+ | Panamá
PCN | Pitcairn Islands | Adamstown | Pitcairn Islander+ | Pitcairn
PER | Peru | Lima | Peruvian+ | Perú
PHL | Philippines | Manila | Philippine; Filipino+; Filipina+ | the Philippines
PLW | Palau | Ngerulmud | Palauan+ |
PNG | Papua New Guinea | Port Moresby | Papua New Guinean+ | PNG
POL | Poland | Warsaw | Polish | Polska
PRI | Puerto Rico | San Juan | Puerto Rican+ |
PRK | North Korea | Pyongyang | North Korean+ | DPRK
PRT | Portugal | Lisbon | Portuguese |
PRY | Paraguay | Asunción | Paraguayan+ |
PSE | Palestine | | Palestinian+ | State of Palestine; Palestinian territories
PYF | French Polynesia | Papeete | French Polynesian+ |
QAT | Qatar | Doha | Qatari+ |
REU | Réunion | Saint-Denis | Réunionese; Réunionnais | Reunion; La Réunion
ROU | Romania | Bucharest | Romanian+ |
RUS | Russia | Moscow | Russian+ | Russian Federation
RWA | Rwanda | Kigali | Rwandan+ |
SAU | Saudi Arabia | Riyadh | Saudi+; Saudi Arabian+ | KSA
SDN | Sudan | Khartoum | Sudanese |
SEN | Senegal | Dakar | Senegalese |
SGP | Singapore | Singapore | Singaporean+ |
SGS | South Georgia and the South Sandwich Islands | King Edward Point | South Georgia |
    | | | | South Sandwich Islands
SHN | Saint Helena, Ascension and Tristan da Cunha | Jamestown | Saint Helenian+ |
    | | | | Saint Helena; St Helena; St. Helena; Ascension Island; Tristan da Cunha
SJM | Svalbard and Jan Mayen | Longyearbyen | Svalbard | Jan Mayen
SLB | Solomon Islands | Honiara | Solomon Islander+ | the Solomon Islands; Solomons
SLE | Sierra Leone | Freetown | Sierra Leonean+ |
SLV | El Salvador | San Salvador | Salvadoran+; Salvadorean+ |
SMR | San Marino | San Marino | Sammarinese |
SOM | Somalia | Mogadishu | Somali+ |
SPM | Saint Pierre and Miquelon | Saint-Pierre | Saint-Pierrais; Miquelonnais |
    | | | | St. Pierre and Miquelon
SRB | Serbia | Belgrade | Serbian+; Serb+ |
SSD | South Sudan | Juba | South Sudanese |
STP | São Tomé and Príncipe | São Tomé | Santomean+ | Sao Tome and Principe
SUR | Suriname | Paramaribo | Surinamese | Surinam
SVK | Slovakia | Bratislava | Slovak+; Slovakian+ |
SVN | Slovenia | Ljubljana | Slovenian+; Slovene+ |
SWE | Sweden | Stockholm | Swedish; Swede+ |
SWZ | Eswatini | Mbabane | Swazi+ | Swaziland
SXM | Sint Maarten | Philipsburg | Sint Maartener+ | St. Maarten; Dutch Sint Maarten
SYC | Seychelles | Victoria | Seychellois | the Seychelles
SYR | Syria | Damascus | Syrian+ | Syrian Arab Republic
TCA | Turks and Caicos Islands | Cockburn Town | Turks and Caicos Islander+ | Turks and Caicos
TCD | Chad | N'Djamena | Chadian+ |
TGO | Togo | Lomé | Togolese |
THA | Thailand | Bangkok | Thai+ |
TJK | Tajikistan | Dushanbe | Tajik+; Tajikistani+ |
TKL | Tokelau | | Tokelauan+ |
TKM | Turkmenistan | Ashgabat | Turkmen; Turkmenistani+ |
TLS | East Timor | Dili | Timorese; East Timorese | Timor-Leste; Timor Leste
TON | Tonga | Nukuʻalofa | Tongan+ |
TTO | Trinidad and Tobago | Port of Spain | Trinidadian+; Tobagonian+ | Trinidad
TUN | Tunisia | Tunis | Tunisian+ |
TUR | Turkey | Ankara | Turkish; Turk+ | Türkiye; Turkiye
TUV | Tuvalu | Funafuti | Tuvaluan+ |
TWN | Taiwan | Taipei | Taiwanese | Republic of China; Chinese Taipei
TZA | Tanzania | Dodoma | Tanzanian+ |
UGA | Uganda | Kampala | Ugandan+ |
UKR | Ukraine | Kyiv | Ukrainian+ |
UMI | United States Minor Outlying Islands | | U.S. Minor Outlying Islands |
URY | Uruguay | Montevideo | Uruguayan+ |
USA | United States | Washington, D.C. | American+ |
    | | | | U.S.; US; USA; U.S.A.; the U.S.; the US; the United States; America
    | | | | the United States of America
UZB | Uzbekistan | Tashkent | Uzbek+; Uzbekistani+ |
VAT | Vatican City | Vatican City | Vatican | Holy See; the Holy See; the Vatican
    | | | | Vatican City State
VCT | Saint Vincent and the Grenadines | Kingstown | Vincentian+ |
    | | | | St. Vincent and the Grenadines; St Vincent and the Grenadines; Saint Vincent
VEN | Venezuela | Caracas | Venezuelan+ |
VGB | British Virgin Islands | Road Town | British Virgin Islander+ | BVI
VIR | U.S. Virgin Islands | Charlotte Amalie | U.S. Virgin Islander+ |
    | | | | US Virgin Islands; United States Virgin Islands; USVI
VNM | Vietnam | Hanoi | Vietnamese | Viet Nam
VUT | Vanuatu | Port Vila | Ni-Vanuatu |
WLF | Wallis and Futuna | Mata-Utu | Wallisian+; Futunan+ |
WSM | Samoa | Apia | Samoan+ |
XKX | Kosovo | Pristina | Kosovar+; Kosovan+ |
YEM | Yemen | Sanaa | Yemeni+ |
ZAF | South Africa | Pretoria | South African+ |
ZMB | Zambia | Lusaka | Zambian+ |
ZWE | Zimbabwe | Harare | Zimbabwean+ |
"""


@dataclass
class Row:
    """One nation as the table describes it, before pycountry fills in codes and names."""

    code: str
    label: str
    capital: str
    demonyms: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


def split_list(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(";") if item.strip()]


def parse_table(text: str) -> dict[str, Row]:
    """Rows keyed by alpha-3; a row without a code adds demonyms and aliases to the one above."""
    rows: dict[str, Row] = {}
    last: Row | None = None
    for line in text.strip().splitlines():
        code, label, capital, demonyms, aliases = (cell.strip() for cell in line.split("|"))
        if not code:
            if last is None:
                raise ValueError(f"continuation row without a row above: {line!r}")
            last.demonyms += split_list(demonyms)
            last.aliases += split_list(aliases)
            continue
        if code in rows:
            raise ValueError(f"{code} appears twice in the table")
        last = rows[code] = Row(code, label, capital, split_list(demonyms), split_list(aliases))
    return rows


def expand_demonyms(items: list[str]) -> list[str]:
    """'Brazilian+' stands for 'Brazilian' and 'Brazilians'; other items stand for themselves."""
    forms: list[str] = []
    for item in items:
        stem = item.removesuffix("+")
        forms += [stem, stem + "s"] if item.endswith("+") else [stem]
    return forms


def official_name(country: Country) -> str:
    """ISO's official name, or its short name turned the right way round ('Korea, Republic of')."""
    name = getattr(country, "official_name", None) or country.name
    head, _, tail = name.partition(", ")
    if tail.endswith((" of", " of the")):
        return f"{tail} {head}"
    return name


def distinct(values: list[str], exclude: Iterable[str] = ()) -> list[str]:
    """Values in a stable order, dropping repeats that differ only in letter case."""
    seen = {value.casefold() for value in exclude}
    kept: list[str] = []
    for value in sorted(values, key=lambda v: (v.casefold(), v)):
        if value.casefold() not in seen:
            seen.add(value.casefold())
            kept.append(value)
    return kept


def nation_aliases(row: Row, official: str) -> list[str]:
    """The table's aliases plus the official name where news could write it as it stands."""
    extra = [official] if "," not in official and "(" not in official else []
    return distinct(row.aliases + extra, exclude={row.label})


def nation_terms(row: Row, country: Country) -> list[str]:
    """Every word that names the nation in text: label, aliases and demonyms."""
    aliases = nation_aliases(row, official_name(country))
    return [row.label, *aliases, *expand_demonyms(row.demonyms)]


def _short_forms(name: str) -> list[str]:
    """'Bolivia, Estado plurinacional de' → it, 'Estado plurinacional de Bolivia', 'Bolivia'."""
    forms = [name]
    head, _, tail = name.partition(", ")
    if tail:
        forms += [f"{tail} {head}", head]
    bare = name.split(" (")[0].strip()
    if bare != name:
        forms.append(bare)
    return forms


def translated_names(country: Country, language: str) -> list[str]:
    """The country's names in ``language``, commonest first, from pycountry's translations
    (which have none for a state outside ISO: its name as it stands, the same in all three)."""
    if country.alpha_3 in NOT_IN_ISO:
        return [country.name]
    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    english = [getattr(country, key, None) for key in ("common_name", "name", "official_name")]
    names: list[str] = []
    for name in filter(None, english):
        names += [form for form in _short_forms(translation.gettext(name)) if "," not in form]
    return list(dict.fromkeys(names))


def unambiguous_translations(
    countries: dict[str, Country], english: dict[str, list[str]]
) -> dict[str, dict[str, list[str]]]:
    """{code: {language: names}}, leaving out any name that would also name another nation."""
    found = {
        code: {language: translated_names(country, language) for language in TRANSLATED}
        for code, country in countries.items()
    }
    owners = names_taken(english, found)
    return {
        code: {
            language: [name for name in names if len(owners[name.casefold()]) == 1]
            for language, names in by_language.items()
        }
        for code, by_language in found.items()
    }


def names_taken(
    terms: dict[str, list[str]], translations: dict[str, dict[str, list[str]]]
) -> dict[str, set[str]]:
    """{casefolded word: nations it names} over English terms and translated names."""
    owners: dict[str, set[str]] = defaultdict(set)
    for code, words in terms.items():
        for word in words:
            owners[word.casefold()].add(code)
    for code, by_language in translations.items():
        for names in by_language.values():
            for name in names:
                owners[name.casefold()].add(code)
    return owners


def check_complete(rows: dict[str, Row]) -> None:
    """The table must cover ISO 3166-1 exactly, so a pycountry update cannot slip past."""
    iso = {country.alpha_3 for country in pycountry.countries} | NOT_IN_ISO.keys()
    missing, extra = sorted(iso - rows.keys()), sorted(rows.keys() - iso)
    if missing or extra:
        raise ValueError(f"table out of step with ISO 3166-1: missing {missing}, unknown {extra}")


def check_unique(terms: dict[str, list[str]]) -> None:
    """A label, alias or demonym must name one nation only, or the extractor cannot resolve it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for code, words in terms.items():
        for word in words:
            owners[word.casefold()].add(code)
    clashes = {word: sorted(codes) for word, codes in owners.items() if len(codes) > 1}
    if clashes:
        raise ValueError(f"terms naming more than one nation: {clashes}")


def literal(text: str, lang: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@{lang}' if lang else f'"{escaped}"'


def statement(predicate: str, values: list[str], lang: str | None = None) -> str:
    """A predicate with its objects; several objects go one to a line so diffs stay readable."""
    terms = [literal(value, lang) for value in values]
    if len(terms) == 1:
        return f"    {predicate} {terms[0]} ;"
    return f"    {predicate}\n        " + " ,\n        ".join(terms) + " ;"


def nation_block(
    row: Row,
    country: Country,
    translations: dict[str, list[str]],
    romance: dict[str, NationWords],
) -> str:
    """One nation's triples, in a fixed order of predicates and sorted values."""
    official = official_name(country)
    aliases = nation_aliases(row, official)
    demonyms = distinct(expand_demonyms(row.demonyms))
    lines = [
        f"nation:{row.code}",
        "    a pg:Nation , pg:Actor ;",
        f"    dcterms:identifier {literal(row.code)} ;",
        f"    pg:alpha2 {literal(country.alpha_2)} ;",
        f"    rdfs:label {literal(row.label, 'en')} ;",
        f"    skos:prefLabel {literal(row.label, 'en')} ;",
        f"    pg:officialName {literal(official)} ;",
    ]
    for language, names in translations.items():
        if names:
            lines.append(f"    skos:prefLabel {literal(names[0], language)} ;")
    if aliases:
        lines.append(statement("skos:altLabel", aliases, "en"))
    for language, names in translations.items():
        words = romance.get(language, NationWords())
        more = names[1:] + words.republic_names(language)
        if rest := distinct(more, exclude=names[:1]):
            lines.append(statement("skos:altLabel", rest, language))
    lines.append(statement("pg:demonym", demonyms, "en"))
    for language, words in sorted(romance.items()):
        if words.demonyms:
            lines.append(statement("pg:demonym", distinct(words.demonyms), language))
    if row.capital:
        lines.append(f"    pg:capital {literal(row.capital)} ;")
    for language, words in sorted(romance.items()):
        if words.capitals:
            lines.append(statement("pg:capital", words.capitals, language))
    lines[-1] = lines[-1].removesuffix(" ;") + " ."
    return "\n".join(lines)


def header() -> str:
    pycountry_version = version("pycountry")
    return f"""\
# GENERATED FILE, do not edit: run `python scripts/build_nations.py` to regenerate.
# Source: ISO 3166-1 as packaged by pycountry {pycountry_version}, plus the common names,
# aliases, demonyms and capitals tabled in scripts/build_nations.py; Spanish, French and
# Portuguese names from pycountry's translations of ISO 3166-1.

@prefix pg: <https://w3id.org/pactgraph/ontology#> .
@prefix nation: <{ID}nation/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<{ONTOLOGY_IRI}>
    a owl:Ontology ;
    owl:versionInfo "{VERSION}" ;
    dcterms:title "pactgraph nations gazetteer"@en ;
    dcterms:description "Every ISO 3166-1 country as a pg:Nation, with the names, aliases and \
demonyms news text uses for it."@en ;
    dcterms:license <https://www.apache.org/licenses/LICENSE-2.0> ;
    dcterms:source <https://www.iso.org/iso-3166-country-codes.html> ;
    rdfs:comment "Generated by scripts/build_nations.py from pycountry {pycountry_version}." .
"""


def render() -> str:
    """The whole Turtle file: the same table and pycountry always give the same bytes."""
    rows = parse_table(TABLE)
    check_complete(rows)
    countries = {country.alpha_3: country for country in pycountry.countries} | NOT_IN_ISO
    terms = {code: nation_terms(row, countries[code]) for code, row in rows.items()}
    check_unique(terms)
    translations = unambiguous_translations(countries, terms)
    romance = without_clashes(read_table(), names_taken(terms, translations))
    blocks = [
        nation_block(rows[code], countries[code], translations[code], romance.get(code, {}))
        for code in sorted(rows)
    ]
    return header() + "\n" + "\n\n".join(blocks) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="Turtle file to write")
    args = parser.parse_args(argv)
    args.output.write_text(render(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
