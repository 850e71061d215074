package costing

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Money is an amount in micro-units: millionths of the currency's major
// unit (1 EUR = 1,000,000; 0.0123 EUR = 12,300). Per-minute prices need
// sub-cent precision, and one fixed precision for every currency keeps the
// arithmetic free of floats and of per-currency scaling. Costs returned by
// Rate are multiples of the currency's minor unit (10,000 for EUR, 1,000,000
// for JPY, 1,000 for KWD); storage may keep micro-units or divide by
// Currency.MinorStep.
type Money int64

// Micro is the number of Money units in one major unit.
const Micro = 1_000_000

// microDigits is the number of decimal places Money carries.
const microDigits = 6

// String returns m as a decimal number in major units with no trailing
// zeros and no exponent ("0.12", "12", "0.0123", "-1.5"), so that it is also
// a valid JSON number.
func (m Money) String() string {
	neg := m < 0
	u := uint64(m)
	if neg {
		u = -u // two's complement: correct for math.MinInt64 too
	}
	s := strconv.FormatUint(u/Micro, 10)
	if frac := u % Micro; frac != 0 {
		f := fmt.Sprintf("%06d", frac)
		s += "." + strings.TrimRight(f, "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

// MarshalJSON writes m as a JSON number in major units: the documented
// form of `cost` (with `currency` beside it).
func (m Money) MarshalJSON() ([]byte, error) {
	return []byte(m.String()), nil
}

// UnmarshalJSON reads a JSON number in major units, exactly.
func (m *Money) UnmarshalJSON(b []byte) error {
	v, err := ParseMoney(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

var errMoneySyntax = errors.New("want a decimal number in major units such as 0.0123")

// ParseMoney reads a decimal amount in major units ("0.0123", "12", "-0.5",
// "+1.5") exactly, without floats. At most six decimal places are allowed;
// a comma as the decimal separator is rejected rather than guessed at,
// because "1,234" means different amounts in different countries.
func ParseMoney(s string) (Money, error) {
	neg := strings.HasPrefix(s, "-")
	digits := strings.TrimLeft(s, "+-")
	if len(s)-len(digits) > 1 {
		return 0, fmt.Errorf("amount %q: %w", s, errMoneySyntax)
	}
	whole, frac, _ := strings.Cut(digits, ".")
	if whole == "" && frac == "" || !allDigits(whole) || !allDigits(frac) {
		return 0, fmt.Errorf("amount %q: %w", s, errMoneySyntax)
	}
	if len(frac) > microDigits {
		return 0, fmt.Errorf("amount %q: more than %d decimal places", s, microDigits)
	}
	w, err := strconv.ParseInt("0"+whole, 10, 64)
	if err != nil || w > (1<<63-1)/Micro-1 {
		return 0, fmt.Errorf("amount %q: too large", s)
	}
	f, _ := strconv.ParseInt((frac + "000000")[:microDigits], 10, 64)
	v := Money(w*Micro + f)
	if neg {
		v = -v
	}
	return v, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Currency is an ISO 4217 currency with its minor-unit exponent (the number
// of decimal places its amounts are rounded to).
type Currency struct {
	Code     string
	Exponent int
}

// currencies lists the ISO 4217 codes CallTally knows with their exponents.
// It is deliberately short: an unknown code is rejected rather than given a
// guessed exponent, because a wrong exponent silently mis-rounds every cost.
var currencies = map[string]int{
	"EUR": 2, "USD": 2, "GBP": 2, "CHF": 2, "CAD": 2, "AUD": 2, "NZD": 2,
	"SEK": 2, "NOK": 2, "DKK": 2, "PLN": 2, "CZK": 2, "HUF": 2, "RON": 2,
	"BGN": 2, "TRY": 2, "ZAR": 2, "INR": 2, "BRL": 2, "MXN": 2, "CNY": 2,
	"HKD": 2, "SGD": 2, "AED": 2, "SAR": 2, "QAR": 2, "ILS": 2,
	"JPY": 0, "KRW": 0, "ISK": 0, "CLP": 0, "VND": 0,
	"KWD": 3, "BHD": 3, "OMR": 3, "JOD": 3, "TND": 3,
}

// LookupCurrency returns the currency with ISO 4217 code (case-insensitive).
func LookupCurrency(code string) (Currency, error) {
	c := strings.ToUpper(strings.TrimSpace(code))
	exp, ok := currencies[c]
	if !ok {
		return Currency{}, fmt.Errorf("currency %q: not a known ISO 4217 code", code)
	}
	return Currency{Code: c, Exponent: exp}, nil
}

// MinorStep returns the number of micro-units in one minor unit: 10,000 for
// EUR (a cent), 1,000,000 for JPY, 1,000 for KWD.
func (c Currency) MinorStep() Money {
	step := Money(1)
	for range microDigits - c.Exponent {
		step *= 10
	}
	return step
}

// Format returns m in major units with exactly the currency's number of
// decimal places ("0.10" for EUR, "12" for JPY, "0.125" for KWD), for
// display. m should already be rounded (Rate's costs are); any finer digits
// are cut off, not rounded.
func (c Currency) Format(m Money) string {
	s := (m / c.MinorStep() * c.MinorStep()).String()
	if c.Exponent == 0 {
		return s
	}
	whole, frac, _ := strings.Cut(s, ".")
	return whole + "." + (frac + strings.Repeat("0", c.Exponent))[:c.Exponent]
}
