package gazetteer

// Hand-kept word lists (facts and common usage, written for this
// project). Entries are matched case-insensitively as whole phrases.

// extraCountries are country names in news use that the country table
// spells otherwise.
var extraCountries = []string{
	"US", "U.S.", "USA", "U.S.A.", "America", "UK", "U.K.", "Britain", "Great Britain",
	"England", "Scotland", "Wales", "Northern Ireland", "Russia", "Iran", "Syria",
	"South Korea", "North Korea", "Korea", "Turkey", "Türkiye", "Czech Republic",
	"Ivory Coast", "Burma", "Holland", "Vatican", "Palestine", "Gaza", "West Bank",
	"Taiwan", "Kosovo", "Soviet Union", "USSR", "Yugoslavia", "Nagorno-Karabakh",
	"Karabakh", "Artsakh", "Nakhchivan", "Abkhazia", "South Ossetia", "Crimea",
	"Donbas", "Kurdistan", "Tibet", "Hong Kong", "Macau", "Chechnya", "Dagestan",
	"Congo", "DR Congo", "DRC",
}

// states are first-level divisions common in news: the US states and
// some provinces.
var states = []string{
	"Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado",
	"Connecticut", "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois",
	"Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
	"Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana",
	"Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
	"North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
	"Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
	"Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
	"District of Columbia", "D.C.", "Puerto Rico", "Guam",
	"Ontario", "Quebec", "British Columbia", "Alberta", "Manitoba", "Saskatchewan",
	"Nova Scotia", "New South Wales", "Victoria", "Queensland", "Tasmania",
	"Bavaria", "Catalonia", "Andalusia", "Lombardy", "Sicily", "Sardinia",
	"Punjab", "Kashmir", "Sindh", "Balochistan", "Bengal", "Kerala", "Xinjiang",
	"Guangdong", "Sichuan", "Hubei", "Kirkuk", "Idlib", "Aleppo", "Khuzestan",
	"Siberia", "Darfur", "Tigray", "Kandahar", "Helmand", "Oaxaca", "Chiapas",
}

// regions are continents and named non-political regions (LOC).
var regions = []string{
	"Africa", "Asia", "Europe", "North America", "South America", "Latin America",
	"Central America", "Oceania", "Antarctica", "Arctic", "Antarctic", "Eurasia",
	"Middle East", "Near East", "Far East", "Caucasus", "South Caucasus",
	"North Caucasus", "Balkans", "Scandinavia", "Central Asia", "East Asia",
	"South Asia", "Southeast Asia", "Western Europe", "Eastern Europe",
	"Central Europe", "Sub-Saharan Africa", "North Africa", "West Africa",
	"East Africa", "Horn of Africa", "Sahel", "Sahara", "Levant", "Maghreb",
	"Persian Gulf", "Gulf", "Mediterranean", "Caribbean", "Pacific", "Atlantic",
	"Black Sea", "Caspian Sea", "Red Sea", "Baltic", "Baltic Sea", "North Sea",
	"South China Sea", "Indian Ocean", "Pacific Ocean", "Atlantic Ocean",
	"Himalayas", "Alps", "Andes", "Rockies", "Urals", "Amazon", "Nile",
	"Lachin corridor", "Zangezur corridor", "Silk Road", "Midwest", "Deep South",
	"Pacific Northwest", "New England", "West Coast", "East Coast", "Gulf Coast",
	"Silicon Valley", "Wall Street", "Outback", "Riviera",
}

// extraDemonyms are nationality and regional words missing from the
// country table's demonyms, with their plurals where they take one.
var extraDemonyms = []string{
	"American", "Americans", "British", "Briton", "Britons", "English", "Scottish",
	"Scots", "Welsh", "Irish", "Russian", "Russians", "Iranian", "Iranians",
	"Persian", "Syrian", "Syrians", "Korean", "Koreans", "South Korean",
	"North Korean", "Turkish", "Turks", "Czech", "Czechs", "Dutch", "Filipino",
	"Filipinos", "Palestinian", "Palestinians", "Taiwanese", "Kosovar", "Soviet",
	"Soviets", "European", "Europeans", "African", "Africans", "Asian", "Asians",
	"Latin American", "Arab", "Arabs", "Arabic", "Western", "Westerners",
	"Karabakh Armenians", "Caucasian", "Balkan", "Scandinavian", "Nordic",
	"Emirati", "Emiratis", "Saudi", "Saudis", "Kiwi", "Aussie", "Yankee",
	"Chechen", "Chechens", "Tibetan", "Tibetans", "Uyghur", "Uyghurs", "Uighur",
	"Uighurs", "Pashtun", "Pashtuns", "Tajik", "Hazara", "Hazaras", "Baluch",
	"Tamil", "Tamils", "Sikh", "Sikhs", "Zulu", "Berber", "Berbers", "Maori",
	"Hispanic", "Hispanics", "Latino", "Latinos", "Latina", "Inuit", "Roma",
	"Slavic", "Slav", "Slavs", "Jew", "Jews", "Israeli", "Israelis",
}

// groups are religious and political group words (NORP).
var groups = []string{
	"Shia", "Shiite", "Shiites", "Shi'ite", "Shi'ites", "Sunni", "Sunnis", "Muslim",
	"Muslims", "Moslem", "Islamic", "Islamist", "Islamists", "Christian",
	"Christians", "Catholic", "Catholics", "Roman Catholic", "Protestant",
	"Protestants", "Orthodox", "Evangelical", "Evangelicals", "Anglican",
	"Lutheran", "Baptist", "Methodist", "Mormon", "Mormons", "Jewish", "Judaism",
	"Hindu", "Hindus", "Buddhist", "Buddhists", "Alawite", "Alawites", "Druze",
	"Yazidi", "Yazidis", "Kurd", "Kurds", "Kurdish", "Armenian", "Azeri", "Azeris",
	"Coptic", "Copts", "Salafi", "Salafist", "Wahhabi", "Zionist", "Zionists",
	"Democrat", "Democrats", "Democratic", "Republican", "Republicans",
	"Conservative", "Conservatives", "Tory", "Tories", "Labour", "Liberal Democrats",
	"Socialist", "Socialists", "Communist", "Communists", "Bolshevik",
	"Bolsheviks", "Marxist", "Marxists", "Maoist", "Maoists", "Nazi", "Nazis",
	"Fascist", "Fascists", "Libertarian", "Libertarians", "Green", "Greens",
	"Sufi", "Ismaili", "Bahai", "Baha'i", "Atheist", "Atheists",
}

// orgSuffixes end organisation names.
var orgSuffixes = []string{
	"Inc", "Inc.", "Ltd", "Ltd.", "LLC", "PLC", "plc", "Corp", "Corp.", "Corporation",
	"Co", "Co.", "Company", "Group", "Holdings", "GmbH", "AG", "SA", "S.A.", "NV",
	"Bank", "Ministry", "Department", "Agency", "Service", "Services", "Office",
	"Council", "Committee", "Commission", "Authority", "Bureau", "Directorate",
	"Party", "Front", "Movement", "Alliance", "Coalition", "Union", "Federation",
	"Association", "Institute", "Institution", "Foundation", "Fund", "Trust",
	"University", "College", "Academy", "School", "Society", "Organization",
	"Organisation", "Network", "News", "Times", "Post", "Press", "Journal",
	"Herald", "Gazette", "Tribune", "Telegraph", "Guardian", "Broadcasting",
	"Television", "Radio", "Airlines", "Airways", "Motors", "Technologies",
	"Systems", "Industries", "Forces", "Army", "Navy", "Guard", "Corps", "Police",
	"Court", "Parliament", "Assembly", "Congress", "Senate", "Cabinet",
	"Secretariat", "Brigade", "Battalion", "Regiment", "Division", "Command",
	"Club", "Team", "FC", "League", "Church", "Mosque Council", "Board", "Center for",
	"Centre for", "Bulletin", "Chronicle", "Daily", "Observer", "Monitor", "Review",
	"Magazine", "Express", "Examiner", "Dispatch", "Inquirer", "Courier", "Brotherhood",
	"Guards", "Militia", "Legion", "Cartel", "Brigades", "Administration", "Laboratory",
	"Laboratories", "Labs", "Enterprises", "Partners", "Airline", "Railway", "Railways",
	"Energy", "Petroleum", "Pharmaceuticals", "Media", "Records", "Studios",
	"Entertainment", "Productions", "Publishing", "Chamber", "Tribunal", "Caucus", "Bloc",
	"Confederation", "Consortium", "Syndicate", "Cooperative", "Exchange", "Treasury",
	"Customs", "Gendarmerie", "Constabulary", "Judiciary", "Diocese", "Archdiocese",
	"Synod", "Mission", "Squadron", "Fleet", "Task Force", "Taskforce", "Orchestra",
	"Choir", "Ensemble", "Conservancy", "Hockey Club", "Football Club", "Agencies",
	"Ministries", "Prosecutor's Office", "Prosecutor General's Office", "Intelligence",
	"Security Service", "Border Service", "Border Guard", "Coast Guard", "National Guard",
}

// titles precede person names and are not part of them.
var titles = []string{
	"President", "Vice President", "Vice-President", "Prime Minister", "Premier",
	"Minister", "Foreign Minister", "Defence Minister", "Defense Minister",
	"Interior Minister", "Finance Minister", "Deputy Prime Minister",
	"Secretary", "Secretary of State", "Secretary-General", "Secretary General",
	"Chancellor", "Governor", "Mayor", "Senator", "Sen.", "Rep.", "Representative",
	"Congressman", "Congresswoman", "MP", "MEP", "Speaker", "Ambassador", "Envoy",
	"Spokesman", "Spokeswoman", "Spokesperson", "Ombudsman", "Commissioner",
	"Chairman", "Chairwoman", "Chair", "CEO", "Chief Executive", "Director",
	"Administrator", "Judge", "Justice", "Chief Justice", "Prosecutor", "Attorney General",
	"King", "Queen", "Prince", "Princess", "Emperor", "Empress", "Sultan", "Emir",
	"Sheikh", "Shaikh", "Crown Prince", "Pope", "Cardinal", "Archbishop", "Bishop",
	"Patriarch", "Rabbi", "Imam", "Ayatollah", "Grand Ayatollah", "Mullah", "Cleric",
	"Father", "Reverend", "Rev.", "Pastor", "Saint", "St.",
	"General", "Gen.", "Lt.", "Lt. Gen.", "Lieutenant", "Colonel", "Col.", "Major",
	"Maj.", "Captain", "Capt.", "Sergeant", "Sgt.", "Commander", "Admiral", "Adm.",
	"Marshal", "Field Marshal", "Brigadier", "Corporal", "Private",
	"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Prof.", "Professor",
	"Sir", "Dame", "Lord", "Lady", "Baroness", "Baron", "Count", "Duke", "Duchess",
	"Supreme Leader", "Leader", "Chief", "Head", "Detective", "Inspector", "Officer",
	"Coach", "Agent", "Deputy", "Assistant", "Adviser", "Advisor", "Aide",
	"Lawmaker", "Legislator", "Activist", "Journalist", "Reporter", "Correspondent",
	"Editor", "Author", "Writer", "Analyst", "Ombudsperson", "Mufti", "Hojatoleslam",
	"Manager", "General Manager", "Vice Chairman", "Deputy Minister", "Foreign Secretary",
	"Home Secretary", "Defence Secretary", "Defense Secretary", "Lieutenant General",
	"Major General", "Maj. Gen.", "Brigadier General", "Rear Admiral", "Vice Admiral",
	"Lieutenant Colonel", "Lt. Col.", "Sheriff", "President-elect", "Acting President",
	"Deputy Director", "Deputy Head", "Deputy Speaker", "Deputy Governor", "Governor-General",
	"Councillor", "Councilman", "Councilwoman", "Alderman", "Magistrate", "Attorney",
	"Sen", "Rep", "Gov.", "Gov", "Pres.", "Supt.", "Cpl.", "Pvt.", "Insp.",
}

// facHeads end names of buildings and infrastructure (FAC).
var facHeads = []string{
	"Embassy", "Consulate", "Base", "Air Base", "Airbase", "Airport", "Port",
	"Harbor", "Harbour", "Station", "Bridge", "Tunnel", "Dam", "Pipeline",
	"Highway", "Motorway", "Road", "Street", "St", "Avenue", "Ave", "Boulevard",
	"Square", "Plaza", "Building", "Tower", "Towers", "Palace", "Castle",
	"Cathedral", "Mosque", "Church", "Temple", "Synagogue", "Shrine", "Stadium",
	"Arena", "Hospital", "Prison", "Jail", "Hotel", "Museum", "Gallery",
	"Library", "Theatre", "Theater", "Hall", "Center", "Centre", "Complex",
	"Mall", "Market", "Checkpoint", "Crossing", "Terminal", "Plant",
	"Refinery", "Mine", "Camp", "Barracks", "Fort", "Memorial", "Monument",
	"Cemetery", "Zoo", "Kremlin", "White House", "Pentagon", "Planetarium",
	"Facility", "Pad", "Launch Pad", "Observatory", "Academy Building", "Court House",
	"Mansion", "Villa", "Residence", "Manor", "Gardens", "Trail", "Tube", "Pier", "Wharf",
	"Dock", "Docks", "Lighthouse", "Shipyard", "Factory", "Reactor", "Power Plant",
	"Power Station", "Nuclear Plant", "Compound", "Campus", "Railway Station", "Metro",
	"Subway", "Bazaar", "Souk", "Circuit", "Speedway", "Racecourse", "Raceway", "Rink",
	"Auditorium", "Pavilion", "Amphitheatre", "Amphitheater", "Opera House", "Courthouse",
	"City Hall", "Town Hall", "Gate", "Mausoleum", "Tomb", "Basilica", "Chapel", "Abbey",
	"Monastery", "Convent", "Citadel", "Fortress", "Garrison", "Outpost", "Prison Camp",
}

// locHeads end names of natural and non-political places (LOC).
var locHeads = []string{
	"Sea", "Ocean", "River", "Lake", "Gulf", "Bay", "Strait", "Straits", "Channel",
	"Canal", "Coast", "Island", "Islands", "Isles", "Peninsula", "Mountain",
	"Mountains", "Mount", "Mt.", "Range", "Hills", "Valley", "Desert", "Plain",
	"Plains", "Plateau", "Basin", "Delta", "Forest", "Park", "National Park",
	"Corridor", "Region", "Highlands", "Lowlands", "Glacier", "Volcano", "Falls",
	"Creek", "Beach", "Reef", "Cape", "Pass", "Heights", "Steppe", "Belt",
}

// eventHeads end names of events (EVENT).
var eventHeads = []string{
	"War", "World War", "Battle", "Revolution", "Uprising", "Crisis", "Massacre",
	"Genocide", "Summit", "Conference", "Games", "Olympics", "Olympic Games",
	"Cup", "World Cup", "Championship", "Championships", "Festival", "Expo",
	"Election", "Elections", "Referendum", "Accords", "Agreement", "Treaty",
	"Ceasefire", "Offensive", "Operation", "Hurricane", "Earthquake", "Spring",
	"Holocaust", "Intifada", "Marathon", "Grand Prix", "Open", "Awards", "Prize",
}

// orgNames are well-known organisations that carry no suffix.
var orgNames = []string{
	"United Nations", "UN", "U.N.", "NATO", "European Union", "EU", "E.U.", "OSCE", "OPEC",
	"IMF", "World Bank", "WHO", "UNESCO", "UNICEF", "UNHCR", "Red Cross",
	"Red Crescent", "Amnesty International", "Human Rights Watch", "Interpol",
	"Europol", "FBI", "CIA", "NSA", "KGB", "FSB", "MI5", "MI6", "Mossad", "NASA",
	"Pentagon", "Kremlin", "Congress", "Parliament", "Senate", "Hamas",
	"Hezbollah", "Taliban", "al-Qaeda", "al-Qaida", "Al Qaeda", "ISIS", "ISIL",
	"Islamic State", "IRGC", "Reuters", "Associated Press", "AP", "AFP", "BBC",
	"CNN", "Al Jazeera", "Xinhua", "TASS", "RIA Novosti", "Interfax", "APA",
	"Google", "Apple", "Microsoft", "Facebook", "Meta", "Twitter", "Amazon",
	"Wikipedia", "Wikinews", "YouTube", "Instagram", "Telegram", "WhatsApp",
	"Microsoft", "Samsung", "Toyota", "Boeing", "Airbus", "Gazprom", "SOCAR",
	"G7", "G20", "ASEAN", "African Union", "Arab League", "Commonwealth",
	"Supreme Court", "Knesset", "Duma", "State Duma", "Majlis", "Milli Majlis",
}

// months are month and weekday names (DATE words, never names).
var months = []string{
	"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December", "Jan.", "Feb.", "Mar.",
	"Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
}
