package alcatel

import (
	"fmt"
	"strings"
)

// A field is one ticket field's place in a record: its name as the field
// dictionary writes it, its 0-based first column and its width, counted
// in characters.
type field struct {
	name  string
	col   int
	width int
}

// ed52 is the ED5.2 ticket: the fields in order with their widths
// (README.md, "Ticket layout"). ED4 is its first ed4Fields fields.
var ed52 = placed([]field{
	{"TicketVersion", 0, 5}, {"CalledNumber", 0, 30}, {"ChargedNumber", 0, 30}, {"ChargedUserName", 0, 20},
	{"ChargedCostCenter", 0, 10}, {"ChargedCompany", 0, 16}, {"ChargedPartyNode", 0, 5}, {"Subaddress", 0, 20},
	{"CallingNumber", 0, 30}, {"CallType", 0, 2}, {"CostType", 0, 1}, {"EndDateTime", 0, 17},
	{"ChargeUnits", 0, 5}, {"CostInfo", 0, 10}, {"Duration", 0, 10}, {"TrunkIdentity", 0, 5},
	{"TrunkGroupIdentity", 0, 5}, {"TrunkNode", 0, 5}, {"PersonalOrBusiness", 0, 1}, {"AccessCode", 0, 16},
	{"SpecificChargeInfo", 0, 7}, {"BearerCapability", 0, 1}, {"HighLevelComp", 0, 2}, {"DataVolume", 0, 10},
	{"UserToUserVolume", 0, 5}, {"ExternalFacilities", 0, 40}, {"InternalFacilities", 0, 40}, {"CallReference", 0, 10},
	{"SegmentsRate1", 0, 10}, {"SegmentsRate2", 0, 10}, {"SegmentsRate3", 0, 10}, {"ComType", 0, 1},
	{"X25IncomingFlowRate", 0, 2}, {"X25OutgoingFlowRate", 0, 2}, {"Carrier", 0, 2}, {"InitialDialledNumber", 0, 30},
	{"WaitingDuration", 0, 5}, {"EffectiveCallDuration", 0, 10}, {"RedirectedCallIndicator", 0, 1}, {"StartDateTime", 0, 17},
	{"ActingExtensionNumber", 0, 30}, {"CalledNumberNode", 0, 5}, {"CallingNumberNode", 0, 5}, {"InitialDialledNumberNode", 0, 5},
	{"ActingExtensionNumberNode", 0, 5}, {"TransitTrunkGroupIdentity", 0, 5}, {"NodeTimeOffset", 0, 6}, {"TimeDlt", 0, 6},
})

// ed4Fields is how many of ED5.2's fields the older editions have: those
// before InitialDialledNumber, which came later.
const ed4Fields = 35

// placed sets the columns of fields that follow one another.
func placed(fields []field) []field {
	col := 0
	for i := range fields {
		fields[i].col = col
		col += fields[i].width
	}
	return fields
}

// widthOf returns the ED5.2 width of the field called name.
func widthOf(name string) (int, bool) {
	for _, f := range ed52 {
		if strings.EqualFold(f.name, name) {
			return f.width, true
		}
	}
	return 0, false
}

// A slot names a field CallTally reads.
type slot int

const (
	sVersion slot = iota
	sCalled
	sCharged
	sChargedName
	sCalling
	sCallType
	sEnd
	sUnits
	sDuration
	sTrunk
	sReference
	sInitial
	sWaiting
	sEffective
	sRedirected
	sStart
	sActing
	sAccount // the account-field setting's field
	numSlots
)

var slotNames = [numSlots]string{
	"TicketVersion", "CalledNumber", "ChargedNumber", "ChargedUserName", "CallingNumber", "CallType",
	"EndDateTime", "ChargeUnits", "Duration", "TrunkGroupIdentity", "CallReference", "InitialDialledNumber",
	"WaitingDuration", "EffectiveCallDuration", "RedirectedCallIndicator", "StartDateTime", "ActingExtensionNumber", "",
}

// A layout is where a ticket edition puts the fields CallTally reads.
type layout struct {
	name  string
	slots [numSlots]field // width 0: the edition lacks the field
	width int             // characters of a whole ticket
}

func (l *layout) has(s slot) bool { return l.slots[s].width > 0 }

// newLayout finds the fields CallTally reads among fields, the account
// code's by the name account, and checks that a call can be read.
func newLayout(name string, fields []field, account string) (*layout, error) {
	l := &layout{name: name}
	for _, f := range fields {
		for s, n := range slotNames {
			if strings.EqualFold(f.name, n) || (slot(s) == sAccount && strings.EqualFold(f.name, account)) {
				l.slots[s] = f
			}
		}
		l.width = max(l.width, f.col+f.width)
	}
	switch {
	case !l.has(sCallType):
		return nil, fmt.Errorf("%s: no CallType field: calls cannot be told apart", name)
	case !l.has(sCharged):
		return nil, fmt.Errorf("%s: no ChargedNumber field: calls cannot be given an extension", name)
	case !l.has(sStart) && !l.has(sEnd):
		return nil, fmt.Errorf("%s: no StartDateTime or EndDateTime field: calls cannot be dated", name)
	case !l.has(sDuration) && !l.has(sEffective):
		return nil, fmt.Errorf("%s: no Duration or EffectiveCallDuration field: the length of calls is unknown", name)
	}
	return l, nil
}

// editions builds the two built-in layouts for a parser's account field.
func editions(account string) (ed52Layout, ed4Layout *layout) {
	var err error
	if ed52Layout, err = newLayout(editionED52, ed52, account); err != nil {
		panic("alcatel: " + err.Error())
	}
	if ed4Layout, err = newLayout(editionED4, ed52[:ed4Fields], account); err != nil {
		panic("alcatel: " + err.Error())
	}
	return ed52Layout, ed4Layout
}

// isName reports whether s can be a field's name: a letter, then letters
// and digits.
func isName(s string) bool {
	if s == "" || !isLetter(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isLetter(s[i]) && !isDigit(s[i]) && s[i] != '_' {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
