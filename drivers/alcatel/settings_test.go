package alcatel

import (
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestDrivers checks what the three IDs declare: the same settings and
// transports, the ticket port's single client, and as variant for
// detection the edition their fallback is not.
func TestDrivers(t *testing.T) {
	tests := []struct{ id, variant string }{
		{"alcatel-oxe", editionED4},
		{"alcatel-4400", editionED52},
		{"alcatel-opentouch", editionED4},
	}
	for _, tt := range tests {
		d, err := drivers.Lookup(tt.id)
		if err != nil {
			t.Fatal(err)
		}
		set, err := d.Resolve(nil)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"edition": "auto", "account-field": "", "join": "none"}
		if len(set) != len(want) || set["edition"] != "auto" || set["account-field"] != "" || set["join"] != "none" {
			t.Errorf("%s: settings %v, want %v", tt.id, set, want)
		}
		if !d.OneClient || d.Session == nil || d.Play == nil || d.Preamble == nil || d.Header == nil || d.Split != nil {
			t.Errorf("%s: OneClient %v, hooks missing", tt.id, d.OneClient)
		}
		if !d.Supports(drivers.TCPDial) || !d.Supports(drivers.Folder) || !d.Supports(drivers.SFTP) || d.Supports(drivers.TCPListen) {
			t.Errorf("%s: transports %v", tt.id, d.Transports)
		}
		if len(d.Variants) != 1 || d.Variants[0]["edition"] != tt.variant {
			t.Errorf("%s: variants %v, want edition=%s", tt.id, d.Variants, tt.variant)
		}
	}
}

func TestOpenRejectsSettings(t *testing.T) {
	dt.CheckOpenRefuses(t, "alcatel-oxe", []dt.SettingsRefusal{
		{map[string]string{"edition": "ED6"}, "want one of"},
		{map[string]string{"join": "yes"}, "want one of"},
		{map[string]string{"account-field": "Cost Centre"}, "want a field name"},
		{map[string]string{"account-field": "9Code"}, "want a field name"},
		{map[string]string{"fields": "x"}, `no setting "fields"`},
	})
}

// TestEditions checks which layout each ID reads a ticket by, from its
// TicketVersion, the edition setting and a field dictionary.
func TestEditions(t *testing.T) {
	tests := []struct {
		id, edition, version string
		dictionary           bool
		want                 string
	}{
		{"alcatel-oxe", "auto", "ED5.2", false, editionED52},
		{"alcatel-oxe", "auto", "ED6.1", false, editionED52},
		{"alcatel-oxe", "auto", "ED10", false, editionED52},
		{"alcatel-oxe", "auto", "ED4.2", false, editionED4},
		{"alcatel-oxe", "auto", "4.1", false, editionED4},
		{"alcatel-oxe", "auto", "     ", false, editionED52},
		{"alcatel-opentouch", "auto", "", false, editionED52},
		{"alcatel-4400", "auto", "     ", false, editionED4},
		{"alcatel-4400", "auto", "Vx", false, editionED4},
		{"alcatel-4400", "auto", "ED5.2", false, editionED52},
		{"alcatel-oxe", "ED4", "ED5.2", false, editionED4},
		{"alcatel-4400", "ED5.2", "ED4.1", false, editionED52},
		{"alcatel-4400", "ED5.2", "ED4.1", true, "the file's field dictionary"},
	}
	for _, tt := range tests {
		p := openRaw(t, tt.id, map[string]string{"edition": tt.edition})
		if tt.dictionary {
			p.Parse(drivers.Record{Text: "#TicketVersion,5,ChargedNumber,30,CallType,2,Duration,10,EndDateTime,17"})
		}
		if got := p.layoutOf(tt.version + " 1234").name; got != tt.want {
			t.Errorf("%s edition=%s, version %q: read as %s, want %s", tt.id, tt.edition, tt.version, got, tt.want)
		}
	}
}

// openRaw opens id's parser itself, for tests that look inside it.
func openRaw(t *testing.T, id string, settings map[string]string) *parser {
	t.Helper()
	d, err := drivers.Lookup(id)
	if err != nil {
		t.Fatal(err)
	}
	set, err := d.Resolve(settings)
	if err != nil {
		t.Fatal(err)
	}
	p, err := d.New(drivers.Config{Location: dt.Location(t, dt.Zone), Attribution: drivers.FinalAnswerer, Settings: set})
	if err != nil {
		t.Fatal(err)
	}
	return p.(*parser)
}

// TestAccountField reads the account code from the field the setting
// names, in the ED5.2 layout; a field the layout lacks gives none.
func TestAccountField(t *testing.T) {
	start := dt.At(t, 9, 0, 0)
	c := drivers.Call{Start: start, Direction: drivers.Outbound, Extension: "4120", External: "0301234567",
		Trunk: "1", Answered: true, Duration: 60, Legs: dt.Legs(drivers.Leg{Party: "4120", Start: start, Talk: 60, Outcome: drivers.Answered})}
	var b strings.Builder
	if err := Encode(&b, &c); err != nil {
		t.Fatal(err)
	}
	f := ed52[19] // AccessCode
	text := strings.TrimSuffix(b.String(), "\n")
	text = text[:f.col] + "4711            " + text[f.col+f.width:]
	tests := []struct{ field, want string }{
		{"AccessCode", "4711"},
		{"accesscode", "4711"},
		{"", ""},
		{"BusinessCode", ""},
	}
	for _, tt := range tests {
		got := dt.ParseText(t, openParser(t, "alcatel-oxe", map[string]string{"account-field": tt.field}), text)
		if len(got.Calls) != 1 || got.Calls[0].AccountCode != tt.want {
			t.Errorf("account-field=%s: calls %+v, errors %q; want account code %q", tt.field, got.Calls, got.Errs, tt.want)
		}
	}
}
