package alcatel

import (
	"fmt"
	"strings"
	"testing"
)

// dictionaryOf writes the first n ED5.2 fields in a dictionary form:
// item returns the items of field i.
func dictionaryOf(n int, sep string, item func(i int, f field) []string) string {
	var items []string
	for i, f := range ed52[:n] {
		items = append(items, item(i, f)...)
	}
	return "#" + strings.Join(items, sep)
}

func itoa(n int) string { return fmt.Sprint(n) }

// TestHeaderIsED52: the dictionary Header writes reads back as ED5.2.
func TestHeaderIsED52(t *testing.T) {
	var b strings.Builder
	if err := Header(&b); err != nil {
		t.Fatal(err)
	}
	text := strings.TrimSuffix(b.String(), "\n")
	if !strings.HasPrefix(text, "#TicketVersion,1,5,5,CalledNumber,6,35,30,") || !strings.HasSuffix(text, ",TimeDlt,520,525,6") {
		t.Errorf("header %q", text)
	}
	l, err := readDictionary(text, "")
	if err != nil {
		t.Fatal(err)
	}
	ed52Layout, _ := editions("")
	if l.slots != ed52Layout.slots || l.width != 525 {
		t.Errorf("read as %+v, want %+v", l, ed52Layout)
	}
}

// TestDictionaryForms reads the ways a dictionary may be written.
func TestDictionaryForms(t *testing.T) {
	_, ed4Layout := editions("")
	tests := []struct {
		name string
		text string
	}{
		{"name,start,end,length", dictionaryOf(35, ",", func(_ int, f field) []string {
			return []string{f.name, itoa(f.col + 1), itoa(f.col + f.width), itoa(f.width)}
		})},
		{"name,start,end", dictionaryOf(35, ",", func(_ int, f field) []string {
			return []string{f.name, itoa(f.col + 1), itoa(f.col + f.width)}
		})},
		{"name,start,length", dictionaryOf(35, ",", func(_ int, f field) []string {
			return []string{f.name, itoa(f.col + 1), itoa(f.width)}
		})},
		{"name,length", dictionaryOf(35, ",", func(_ int, f field) []string { return []string{f.name, itoa(f.width)} })},
		{"names", dictionaryOf(35, ",", func(_ int, f field) []string { return []string{f.name} })},
		{"number,name,start,end, tabs", dictionaryOf(35, "\t", func(i int, f field) []string {
			return []string{itoa(i + 1), f.name, itoa(f.col + 1), itoa(f.col + f.width)}
		})},
		{"number,name,start,end,length, trailing comma", dictionaryOf(35, ",", func(i int, f field) []string {
			return []string{itoa(i + 1), f.name, itoa(f.col + 1), itoa(f.col + f.width), itoa(f.width)}
		}) + ","},
		{"lower case", strings.ToLower(dictionaryOf(35, ",", func(_ int, f field) []string { return []string{f.name, itoa(f.width)} }))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := readDictionary(tt.text, "")
			if err != nil {
				t.Fatal(err)
			}
			if l.width != 395 {
				t.Errorf("width %d, want 395", l.width)
			}
			for s := range numSlots {
				got, want := l.slots[s], ed4Layout.slots[s]
				if got.col != want.col || got.width != want.width || !strings.EqualFold(got.name, want.name) {
					t.Errorf("%s: %+v, want %+v", slotNames[s], got, want)
				}
			}
		})
	}
}

func TestDictionaryErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"#", `field 1 (field dictionary) "": no field names`},
		{"#1,TicketVersion,5,3,CalledNumber,30", `"CalledNumber": want field number 2 before it`},
		{"#TicketVersion,1,5,5,9", `"TicketVersion": 4 numbers`},
		{"#TicketVersion,0,5", `"TicketVersion": columns`},
		{"#TicketVersion,5,Called Number,30", `"Called": no position given, and not an ED5.2 field`},
		{"#TicketVersion,5,CallType,2,Duration,10,EndDateTime,17", "no ChargedNumber field"},
		{"#TicketVersion,5,ChargedNumber,30,Duration,10,EndDateTime,17", "no CallType field"},
		{"#ChargedNumber,30,CallType,2,EndDateTime,17", "no Duration or EffectiveCallDuration field"},
		{"#ChargedNumber,30,CallType,2,Duration,10", "no StartDateTime or EndDateTime field"},
	}
	for _, tt := range tests {
		_, err := readDictionary(tt.text, "")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want one containing %q", tt.text, err, tt.want)
		}
	}
}

// TestDictionaryAccountField: the account field is found by its name in
// the dictionary, whatever the edition calls its other fields.
func TestDictionaryAccountField(t *testing.T) {
	l, err := readDictionary("#ChargedNumber,10,CallType,2,Duration,5,EndDateTime,17,BusinessCode,8", "businesscode")
	if err != nil {
		t.Fatal(err)
	}
	if f := l.slots[sAccount]; f.col != 34 || f.width != 8 {
		t.Errorf("account field %+v, want columns 35 to 42", f)
	}
}
