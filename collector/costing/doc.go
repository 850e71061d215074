// Package costing rates calls: tariff plans per carrier and trunk, rates by
// destination and time band, and the integer money arithmetic that turns a
// call's duration into a cost.
//
// A site has a set of Plans; each call is rated by the plan of its trunk
// (or the default plan) at ingest, and again when plans change (re-rating).
// Plans come from a CSV file (ParseCSV, README.md) or are built in Go and
// checked with Validate. Amounts are Money: int64 micro-units of the
// currency's major unit, never floats; costs are rounded once, at the end
// of the call, to the currency's minor unit.
//
// The package does not classify numbers: the caller passes the Dest the
// classifier (collector/classify) gives for the call's outside number.
package costing
