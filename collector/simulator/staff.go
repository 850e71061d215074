package simulator

// staff returns the people of the office. The names mix German, Turkish,
// Polish and English ones, as a Berlin office's would; Activity varies so
// that each department has its busy and its quiet phoners.
func staff() []Extension {
	return []Extension{
		person("200", "Sabine Krüger", Reception, 1.0),
		person("201", "Aylin Yıldız", Reception, 0.8),

		person("202", "Thomas Becker", Sales, 1.4),
		person("203", "Mehmet Öztürk", Sales, 1.2),
		person("204", "Katarzyna Nowak", Sales, 1.1),
		person("205", "James Whitfield", Sales, 0.9),
		person("206", "Julia Schneider", Sales, 1.3),
		person("207", "Emre Aydın", Sales, 1.0),
		person("208", "Anna Wiśniewska", Sales, 0.8),
		person("209", "Lukas Hoffmann", Sales, 1.1),
		person("210", "Sarah Collins", Sales, 0.7),
		person("211", "Fatma Şahin", Sales, 1.0),
		person("212", "Jan Kowalski", Sales, 0.9),
		person("213", "Lena Fischer", Sales, 0.6),

		person("214", "Michael Wagner", Support, 1.3),
		person("215", "Elif Kaya", Support, 1.2),
		person("216", "Piotr Zieliński", Support, 1.0),
		person("217", "Daniel Schulz", Support, 1.1),
		person("218", "Emily Clarke", Support, 0.9),
		person("219", "Burak Çelik", Support, 1.0),
		person("220", "Monika Lewandowska", Support, 0.8),
		person("221", "Florian Braun", Support, 1.0),
		person("222", "Stefanie Wolf", Support, 0.7),
		person("223", "Tomasz Wójcik", Support, 0.9),

		person("224", "Petra Zimmermann", Accounts, 1.2),
		person("225", "Zeynep Arslan", Accounts, 1.0),
		person("226", "Agnieszka Kamińska", Accounts, 0.9),
		person("227", "Oliver Bennett", Accounts, 0.8),
		person("228", "Ute Hartmann", Accounts, 0.6),

		person("229", "Klaus Richter", Management, 1.2),
		person("230", "Claudia Neumann", Management, 1.0),
		person("231", "Can Yılmaz", Management, 0.9),
		person("232", "Robert Hughes", Management, 0.7),

		person("233", "Stefan Koch", Warehouse, 1.2),
		person("234", "Ali Koç", Warehouse, 1.0),
		person("235", "Marek Kowalczyk", Warehouse, 1.0),
		person("236", "Dennis Krause", Warehouse, 0.8),
		person("237", "Hakan Demir", Warehouse, 0.9),
		person("238", "Paweł Mazur", Warehouse, 0.7),
		person("239", "Sven Lange", Warehouse, 0.6),
	}
}

// person makes an extension whose direct number ends in the extension
// number, the usual way a DDI block is mapped.
func person(number, name string, d Department, activity float64) Extension {
	return Extension{Number: number, Name: name, Department: d, DDI: number, Activity: activity}
}

// accountCodes returns the office's booking codes, most used first.
func accountCodes() []AccountCode {
	return []AccountCode{
		{Code: "4711", Name: "Key accounts"},
		{Code: "1200", Name: "New business"},
		{Code: "3100", Name: "Complaints"},
		{Code: "2500", Name: "Tenders"},
		{Code: "9000", Name: "Private"},
	}
}

// companies names the frequent callers.
func companies() []string {
	return []string{
		"Müller Logistik GmbH", "Yılmaz Bau GmbH", "Nowak Transport Sp. z o.o.",
		"Hansen & Partner", "Brandenburger Stahlhandel", "Schmidt Elektro",
		"Alster Import KG", "Kaya Gastro Service", "Bäckerei Wendt",
		"Isar Büromöbel", "Rhein Papier AG", "Dom Apotheke",
		"Kreuzberg Kaffee", "Spandau Metallbau", "Thames Components Ltd",
		"Lindenhof Hotel", "Zielona Góra Drewno", "Pankow Druck",
		"Havel Reifen", "Öz Market", "Charité Facility",
		"Tempelhof Events", "Mitte Immobilien", "Neukölln Textil",
		"Potsdam Kliniken", "Weber Sanitär", "Frankfurter Leasing",
		"Lyon Fournitures SARL", "Zürich Trading AG", "Marzahn Autohaus",
	}
}
