package gazetteer

// Country is one country or territory of the generated country table.
type Country struct {
	// Code is the ISO 3166-1 alpha-2 code.
	Code string
	// Name is the common English name ("Azerbaijan"); Official the long
	// form ("Republic of Azerbaijan").
	Name, Official string
	Capitals       []string
	// Alt holds other Latin-script names in use.
	Alt []string
	// Demonyms are the English nationality words ("Azerbaijani").
	Demonyms []string
	// Region is the continent-level region ("Asia").
	Region string
}

// City is one populated place of the generated city table.
type City struct {
	Name string
	// Country is the ISO 3166-1 alpha-2 code of the city's country.
	Country    string
	Population int
}
