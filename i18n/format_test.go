package i18n

import (
	"testing"
	"time"
)

// nb is the no-break space French and the amounts use between number and
// sign.
const nb = "\u00a0"

func TestFormats(t *testing.T) {
	day := time.Date(2026, 3, 14, 9, 5, 0, 0, time.UTC)
	tests := []struct {
		lang, number, decimal, percent, euros, lira, date string
	}{
		{"en", "1,234,567", "1,234.50", "85.3%", "€1,234.50", "TRY" + nb + "7.00", "2026-03-14"},
		{"ar", "1,234,567", "1,234.50", "85.3%", "1,234.50" + nb + "€", "7.00" + nb + "TRY", "14/03/2026"},
		{"fr", "1" + nb + "234" + nb + "567", "1" + nb + "234,50", "85,3" + nb + "%", "1" + nb + "234,50" + nb + "€", "7,00" + nb + "TRY", "14/03/2026"},
		{"de", "1.234.567", "1.234,50", "85,3" + nb + "%", "1.234,50" + nb + "€", "7,00" + nb + "TRY", "14.03.2026"},
		{"es", "1.234.567", "1.234,50", "85,3" + nb + "%", "1.234,50" + nb + "€", "7,00" + nb + "TRY", "14/03/2026"},
		{"pt", "1.234.567", "1.234,50", "85,3%", "€" + nb + "1.234,50", "TRY" + nb + "7,00", "14/03/2026"},
		{"it", "1.234.567", "1.234,50", "85,3%", "1.234,50" + nb + "€", "7,00" + nb + "TRY", "14/03/2026"},
		{"tr", "1.234.567", "1.234,50", "%85,3", "€1.234,50", "₺7,00", "14.03.2026"},
	}
	for _, tt := range tests {
		use(t, tt.lang)
		check := func(what, got, want string) {
			if got != want {
				t.Errorf("%s: %s = %q, want %q", tt.lang, what, got, want)
			}
		}
		check("Number", Number(1234567), tt.number)
		check("Decimal", Decimal(1234.5, 2), tt.decimal)
		check("Percent", Percent(0.853), tt.percent)
		check("Money EUR", Money(1_234_500_000, "EUR"), tt.euros)
		check("Money TRY", Money(7_000_000, "TRY"), tt.lira)
		check("Date", Date(day), tt.date)
		check("DateTime", DateTime(day), tt.date+" 09:05")
	}
}

func TestMoney(t *testing.T) {
	use(t, "en")
	tests := []struct {
		micros int64
		code   string
		want   string
	}{
		{0, "EUR", "€0.00"},
		{-2_500_000, "USD", "-$2.50"},
		{5_000_000, "JPY", "¥5"},
		{12_345_000, "XXQ", "XXQ" + nb + "12.35"},
	}
	for _, tt := range tests {
		if got := Money(tt.micros, tt.code); got != tt.want {
			t.Errorf("Money(%d, %s) = %q, want %q", tt.micros, tt.code, got, tt.want)
		}
	}
}

func TestDuration(t *testing.T) {
	for seconds, want := range map[int]string{0: "0:00", 7: "0:07", 245: "4:05", 3723: "1:02:03", 90061: "25:01:01", -5: "-0:05"} {
		if got := Duration(seconds); got != want {
			t.Errorf("Duration(%d) = %q, want %q", seconds, got, want)
		}
	}
	if got := Time(time.Date(2026, 1, 2, 21, 7, 0, 0, time.UTC)); got != "21:07" {
		t.Errorf("Time = %q", got)
	}
}
