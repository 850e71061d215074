package classify

import (
	"math/rand/v2"
	"sort"
	"strconv"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// TestParseMatchesLibrary holds the direct split of parse.go to the
// library's Parse: for every region's example numbers of every type, in
// international, national and bare form, and for random digits, a valid
// reading of either is the same number read by the other.
func TestParseMatchesLibrary(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	checked := 0
	for _, code := range sortedRegions() {
		r := regionFor(code)
		if r == nil {
			t.Fatalf("region %s: no metadata", code)
		}
		for _, s := range sampleNumbers(code, rnd) {
			checkSplit(t, r, s)
			checked++
		}
	}
	if checked < 5000 {
		t.Fatalf("only %d numbers checked", checked)
	}
}

func sortedRegions() []string {
	var codes []string
	for code := range phonenumbers.GetSupportedRegions() {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	return codes
}

// sampleNumbers returns numbers as dialled in region code: its example
// numbers of each type (bare, national, international) and random digits.
func sampleNumbers(code string, rnd *rand.Rand) []string {
	var out []string
	for typ := phonenumbers.FIXED_LINE; typ <= phonenumbers.VOICEMAIL; typ++ {
		n := phonenumbers.GetExampleNumberForType(code, typ)
		if n == nil {
			continue
		}
		nsn := phonenumbers.GetNationalSignificantNumber(n)
		cc := strconv.Itoa(int(n.GetCountryCode()))
		out = append(out, nsn, phonenumbers.GetNddPrefixForRegion(code, true)+nsn, "+"+cc+nsn)
		if idd := regionFor(code).intl.literal; idd != "" {
			out = append(out, idd+cc+nsn, idd+"49"+nsn, idd+"1"+nsn)
		}
	}
	for range 10 {
		out = append(out, strconv.FormatUint(rnd.Uint64N(1e11), 10), "0"+strconv.FormatUint(rnd.Uint64N(1e10), 10))
	}
	return out
}

func checkSplit(t *testing.T, r *region, s string) {
	t.Helper()
	mine, ok := parseDialled(s, r)
	lib, libOK := valid(libraryParse(s, r.code))
	if ok != libOK || ok && (mine.e164() != lib.e164() || mine.typ != lib.typ || mine.region != lib.region) {
		t.Errorf("%s %q: split %v %s %v, library %v %s %v", r.code, s, ok, e164Of(mine), mine.typ, libOK, e164Of(lib), lib.typ)
	}
}

func e164Of(e external) string {
	if e.num == nil {
		return "-"
	}
	return e.e164()
}
