// Package classify reads the numbers of calls with a site's dial plan:
// which are the site's extensions, what an external number is in E.164
// (for costing and search; the digits as dialled are kept by the caller),
// and where it leads: country, type of line (fixed, mobile, toll-free,
// premium …) and scope (local, national, international, emergency).
//
// A DialPlan holds what the numbering library cannot know: the site's
// country and area code, its trunk access codes and extension patterns.
// Everything about the countries themselves (prefixes, number ranges,
// emergency and short numbers) comes from github.com/nyaruka/phonenumbers,
// the Go port of Google's libphonenumber; keeping it current keeps the
// classification current. There are no country tables here.
//
// Plans are stored with each PBX as settings (ParsePlan, ParseText,
// DialPlan.String; README.md documents them). Classify is called for every
// call at ingest: plans are compiled once and remember recent numbers.
package classify
