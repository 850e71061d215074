package classify

import "testing"

// A row is a number as dialled at a site, or as its PBX wrote it, and
// where it leads.
type row struct {
	number  string
	e164    string
	country string
	typ     Type
	scope   Scope
}

// siteRows are the rows of one site's plan.
type siteRows struct {
	plan string
	rows []row
}

// TestClassify runs the sites of every country table (classify_*_test.go).
func TestClassify(t *testing.T) {
	var countries int
	for _, table := range [][]siteRows{europeRows, westRows, worldRows} {
		for _, site := range table {
			p, err := ParseText(site.plan)
			if err != nil {
				t.Fatalf("%s: %v", site.plan, err)
			}
			countries++
			for _, r := range site.rows {
				t.Run(p.Country+"/"+r.number, func(t *testing.T) {
					want := Destination{E164: r.e164, Country: r.country, Type: r.typ, Scope: r.scope}
					if got := p.Classify(r.number); got != want {
						t.Errorf("%s: Classify(%q) = %+v, want %+v", site.plan, r.number, got, want)
					}
					if e164, ok := p.Normalise(r.number); e164 != r.e164 || ok != (r.e164 != "") {
						t.Errorf("%s: Normalise(%q) = %q, %v", site.plan, r.number, e164, ok)
					}
				})
			}
		}
	}
	if countries < 11 {
		t.Errorf("%d countries tested, want at least 11", countries)
	}
}

// europeRows: Germany, Austria, Switzerland, the Netherlands. Sites with
// 0 for an outside line, as is usual there.
var europeRows = []siteRows{
	{"country=DE area=30 access=0 internal=2xx,4[0-5]xx", []row{
		{"0891234567", "+49891234567", "DE", Fixed, National},
		{"00891234567", "+49891234567", "DE", Fixed, National}, // with the access code
		{"089 1234-567", "+49891234567", "DE", Fixed, National},
		{"1234567", "+49301234567", "DE", Fixed, Local}, // local, without the area code
		{"01234567", "+49301234567", "DE", Fixed, Local},
		{"030/1234567", "+49301234567", "DE", Fixed, Local},
		{"+49 (30) 123-456", "+4930123456", "DE", Fixed, Local},
		{"004930123456", "+4930123456", "DE", Fixed, Local},
		{"0004930123456", "+4930123456", "DE", Fixed, Local},
		{"493055501216", "+493055501216", "DE", Fixed, Local}, // E.164 without + (SIP caller ID)
		{"01711234567", "+491711234567", "DE", Mobile, National},
		{"001711234567", "+491711234567", "DE", Mobile, National},
		{"4917012345678", "+4917012345678", "DE", Mobile, National},
		{"08001234567", "+498001234567", "DE", TollFree, National},
		{"09001234567", "+499001234567", "DE", Premium, National},
		{"01801234567", "+491801234567", "DE", SharedCost, National},
		{"0033142685300", "+33142685300", "FR", Fixed, International},
		{"00033612345678", "+33612345678", "FR", Mobile, International},
		{"+80012345678", "+80012345678", "", TollFree, International}, // global freephone
		{"112", "", "DE", EmergencyType, Emergency},
		{"110", "", "DE", EmergencyType, Emergency},
		{"0112", "", "DE", EmergencyType, Emergency},
		{"116117", "", "DE", ServiceType, Service},
		{"011880", "", "DE", ServiceType, Service},
		{"201", "", "", InternalType, InternalScope},
		{"4512", "", "", InternalType, InternalScope},
		{"4612", "", "", UnknownType, UnknownScope}, // no extension, too short for a local number
		{"089123????", "", "", UnknownType, UnknownScope},
		{"0891234XXXX", "", "", UnknownType, UnknownScope},
		{"*31#0891234567", "", "", UnknownType, UnknownScope},
		{"", "", "", UnknownType, UnknownScope},
		{"123456789012345678901234567", "", "", UnknownType, UnknownScope},
	}},
	{"country=AT area=1 access=0", []row{
		{"015878000", "+4315878000", "AT", Fixed, Local},
		{"5878000", "+4315878000", "AT", Fixed, Local},
		{"05878000", "+4315878000", "AT", Fixed, Local},
		{"0015878000", "+4315878000", "AT", Fixed, Local},
		{"0316123456", "+43316123456", "AT", Fixed, National},
		{"06641234567", "+436641234567", "AT", Mobile, National},
		{"0800123456", "+43800123456", "AT", TollFree, National},
		{"0900123456", "+43900123456", "AT", Premium, National},
		{"0810123456", "+43810123456", "AT", SharedCost, National},
		{"0049891234567", "+49891234567", "DE", Fixed, International},
		{"112", "", "AT", EmergencyType, Emergency},
		{"133", "", "AT", EmergencyType, Emergency},
		{"0144", "", "AT", EmergencyType, Emergency},
	}},
	{"country=CH area=44 access=0", []row{
		{"0446681800", "+41446681800", "CH", Fixed, Local},
		{"00446681800", "+41446681800", "CH", Fixed, Local},
		{"00041446681800", "+41446681800", "CH", Fixed, Local},
		{"0313221111", "+41313221111", "CH", Fixed, National},
		{"0791234567", "+41791234567", "CH", Mobile, National},
		{"0800123456", "+41800123456", "CH", TollFree, National},
		{"0900123456", "+41900123456", "CH", Premium, National},
		{"0840123456", "+41840123456", "CH", SharedCost, National},
		{"0004930123456", "+4930123456", "DE", Fixed, International},
		{"112", "", "CH", EmergencyType, Emergency},
		{"117", "", "CH", EmergencyType, Emergency},
		{"0144", "", "CH", EmergencyType, Emergency},
		{"1811", "", "CH", ServiceType, Service},
	}},
	{"country=NL area=20 access=0 internal=1[0-4]xx", []row{
		{"0201234567", "+31201234567", "NL", Fixed, Local},
		{"00201234567", "+31201234567", "NL", Fixed, Local},
		{"1234567", "+31201234567", "NL", Fixed, Local},
		{"0101234567", "+31101234567", "NL", Fixed, National},
		{"0612345678", "+31612345678", "NL", Mobile, National},
		{"0800123456", "+31800123456", "NL", TollFree, National},
		{"0900123456", "+31900123456", "NL", Premium, National},
		{"0851234567", "+31851234567", "NL", VoIP, National},
		{"0881234567", "+31881234567", "NL", UAN, National},
		{"0031201234567", "+31201234567", "NL", Fixed, Local},
		{"1234", "", "", InternalType, InternalScope},
		{"112", "", "NL", EmergencyType, Emergency},
		{"0112", "", "NL", EmergencyType, Emergency},
	}},
}

// TestConcurrent classifies from several goroutines with one plan, as the
// collector does with one plan per PBX (go test -race checks the cache).
func TestConcurrent(t *testing.T) {
	p, err := ParseText(europeRows[0].plan)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan bool)
	for range 4 {
		go func() {
			ok := true
			for range 50 {
				for _, r := range europeRows[0].rows {
					ok = ok && p.Classify(r.number).E164 == r.e164
				}
			}
			done <- ok
		}()
	}
	for range 4 {
		if !<-done {
			t.Error("a goroutine classified a number differently")
		}
	}
}
