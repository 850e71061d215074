package storage

// Site-wide setting keys the desktop app edits in Settings, beside
// RawRetentionDays.
const (
	// SiteTimeZone is the site's IANA time zone, the default for new PBX
	// systems and for reports; empty means the machine's zone.
	SiteTimeZone = "site.time_zone"
	// SiteCurrency is the ISO 4217 code amounts are shown in when a tariff
	// does not name one.
	SiteCurrency = "site.currency"
	// DefaultCurrency is SiteCurrency until the user picks one.
	DefaultCurrency = "EUR"
)
