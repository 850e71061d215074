package costing

import _ "embed"

// ExamplePlan is example-plan.csv: a German head office's and a UK
// branch's tariffs, documented in README.md and loaded by the demo.
//
//go:embed example-plan.csv
var ExamplePlan string
