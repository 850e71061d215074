package simulator

// Department is the part of the office an extension belongs to.
type Department string

const (
	Reception  Department = "Reception"
	Sales      Department = "Sales"
	Support    Department = "Support"
	Accounts   Department = "Accounts"
	Management Department = "Management"
	Warehouse  Department = "Warehouse"
)

// Departments returns the departments in the order a directory lists them.
func Departments() []Department {
	return []Department{Reception, Sales, Support, Accounts, Management, Warehouse}
}

// An Extension is one phone in the office and the person at it.
type Extension struct {
	Number     string
	Name       string
	Department Department
	// DDI is what the carrier sends when someone dials the person's direct
	// number: the digits after the office's NumberBlock.
	DDI string
	// Activity scales how much the person phones against the average of
	// their department (1): people differ, and per-extension charts of a
	// demo where everyone is alike look fake.
	Activity float64
}

// An AccountCode is what a caller keys in to book an outbound call to a
// project or cost centre.
type AccountCode struct {
	Code string
	Name string
}

// ContactKind says what sort of outside number a contact has, which is
// what call costing cares about.
type ContactKind string

const (
	Landline      ContactKind = "landline"
	Mobile        ContactKind = "mobile"
	International ContactKind = "international"
	TollFree      ContactKind = "toll-free"
)

// A Contact is an outside number that calls the office or is called by it.
type Contact struct {
	Number string // as dialled from Germany, digits only: 030…, 0151…, 0044…
	Name   string // the company, for frequent callers; "" for the rest
	Kind   ContactKind
	// Frequent marks customers who call again and again; they make a large
	// share of the inbound calls, as a few key accounts do in real offices.
	Frequent bool
	// Owner is the extension that looks after a frequent caller, whose
	// direct number the caller usually dials.
	Owner string
}

// An Office is the site the generator simulates: who works there, which
// numbers reach them and who they talk to.
type Office struct {
	Name     string
	City     string
	TimeZone string // IANA name, for callers that load the zone themselves
	// NumberBlock is the office's number range; the carrier sends the
	// digits after it (the DDI) with each inbound call.
	NumberBlock string
	MainDDI     string // the DDI of the main number, answered by the switchboard
	Switchboard string // the extension that answers the main number
	Extensions  []Extension
	Trunks      []string // line numbers, "1", "2", …
	// AccountCodes are booked by Sales and Management on some outbound calls.
	AccountCodes []AccountCode
	Contacts     []Contact
}

// NewOffice returns the fixed fictional office the demo shows: a trading
// company in Berlin with extensions 200–239, the switchboard on 200.
func NewOffice() *Office {
	exts := staff()
	return &Office{
		Name:         "Spreeblick Handels GmbH",
		City:         "Berlin",
		TimeZone:     "Europe/Berlin",
		NumberBlock:  "030123456",
		MainDDI:      "0",
		Switchboard:  "200",
		Extensions:   exts,
		Trunks:       []string{"1", "2", "3", "4"},
		AccountCodes: accountCodes(),
		Contacts:     contacts(owners(exts)),
	}
}

// MainNumber returns the number customers dial to reach the switchboard.
func (o *Office) MainNumber() string { return o.NumberBlock + o.MainDDI }

// Extension returns the extension with the given number.
func (o *Office) Extension(number string) (Extension, bool) {
	for _, e := range o.Extensions {
		if e.Number == number {
			return e, true
		}
	}
	return Extension{}, false
}

// owners lists the extensions that look after frequent callers, in the
// order they are handed out: mostly Sales, some Support and Accounts.
func owners(exts []Extension) []string {
	var out []string
	for _, d := range []Department{Sales, Support, Sales, Accounts} {
		for _, e := range exts {
			if e.Department == d {
				out = append(out, e.Number)
			}
		}
	}
	return out
}
