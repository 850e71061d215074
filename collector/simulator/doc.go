// Package simulator generates the call history of a fictional office in
// Berlin: about forty people in six departments, four trunk lines and a
// few hundred customers and suppliers, phoning the way a real office does
// (a morning and an afternoon peak, a lunch dip, quiet Fridays, weekends
// and public holidays, missed calls that are returned later).
//
// It is the source of CallTally's demo data and of the simulator feeds:
// the generated calls are normalised drivers.Call values that a driver's
// Encode writes in its PBX's wire format, so `calltally demo` imports them
// through the same path as real records and `calltally simulate` streams
// them for load tests.
//
// Generation is deterministic: an office, a seed and a date always give
// the same calls, and a day does not depend on which days were generated
// before it.
package simulator
