package simulator

import (
	"math/rand/v2"
	"strings"
)

// numberPlan is one kind of outside number: a prefix and how many digits
// follow it.
type numberPlan struct {
	prefix   string
	min, max int
	kind     ContactKind
}

// The pool is weighted like a Berlin trading firm's: half local, a good
// share of mobiles, the big German cities, a few foreign customers, and
// toll-free hotlines of suppliers that are only ever dialled.
func berlinPlans() []numberPlan { return []numberPlan{{"030", 7, 8, Landline}} }

func germanPlans() []numberPlan {
	return []numberPlan{
		{"040", 7, 8, Landline}, {"089", 7, 8, Landline}, {"0221", 6, 7, Landline},
		{"069", 7, 8, Landline}, {"0211", 6, 7, Landline}, {"0711", 6, 7, Landline},
		{"0341", 6, 7, Landline}, {"0331", 6, 7, Landline}, {"0351", 6, 7, Landline},
		{"0511", 6, 7, Landline},
	}
}

func mobilePlans() []numberPlan {
	return []numberPlan{
		{"0151", 8, 8, Mobile}, {"0152", 8, 8, Mobile}, {"0157", 8, 8, Mobile},
		{"0160", 7, 8, Mobile}, {"0162", 7, 7, Mobile}, {"0170", 7, 7, Mobile},
		{"0171", 7, 7, Mobile}, {"0172", 7, 7, Mobile}, {"0173", 7, 7, Mobile},
		{"0176", 8, 8, Mobile}, {"0177", 7, 7, Mobile}, {"0179", 7, 7, Mobile},
	}
}

func abroadPlans() []numberPlan {
	return []numberPlan{
		{"004420", 8, 8, International}, {"00331", 8, 8, International},
		{"004144", 7, 7, International}, {"003902", 8, 8, International},
		{"001212", 7, 7, International}, {"004822", 7, 7, International},
		{"0090212", 7, 7, International}, {"00431", 7, 7, International},
	}
}

func tollFreePlans() []numberPlan { return []numberPlan{{"0800", 7, 7, TollFree}} }

// contactSource is one slice of the pool: how many numbers to draw from
// which plans.
type contactSource struct {
	count int
	plans []numberPlan
}

// frequentSources and otherSources give the ~400 numbers: 30 frequent
// callers first, then the rest.
func frequentSources() []contactSource {
	return []contactSource{{18, berlinPlans()}, {6, germanPlans()}, {4, mobilePlans()}, {2, abroadPlans()}}
}

func otherSources() []contactSource {
	return []contactSource{
		{150, berlinPlans()}, {80, germanPlans()}, {110, mobilePlans()}, {22, abroadPlans()}, {8, tollFreePlans()},
	}
}

// contacts builds the fixed pool of outside numbers. Its own constant seed
// keeps the office the same whatever seed a generator uses.
func contacts(owners []string) []Contact {
	rng := rand.New(rand.NewPCG(0xCA11, 0x7A11))
	seen := map[string]bool{}
	var out []Contact
	for _, src := range frequentSources() {
		out = appendNumbers(out, rng, src, seen)
	}
	for i, name := range companies() {
		out[i].Name, out[i].Frequent = name, true
		if len(owners) > 0 {
			out[i].Owner = owners[(i*7)%len(owners)]
		}
	}
	for _, src := range otherSources() {
		out = appendNumbers(out, rng, src, seen)
	}
	return out
}

func appendNumbers(out []Contact, rng *rand.Rand, src contactSource, seen map[string]bool) []Contact {
	for n := 0; n < src.count; {
		p := src.plans[rng.IntN(len(src.plans))]
		num := p.prefix + digits(rng, p.min+rng.IntN(p.max-p.min+1))
		if seen[num] {
			continue
		}
		seen[num] = true
		out = append(out, Contact{Number: num, Kind: p.kind})
		n++
	}
	return out
}

// digits returns n random digits, the first not 0 or 1 since subscriber
// numbers never start with those.
func digits(rng *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteByte(byte('2' + rng.IntN(8)))
	for range n - 1 {
		b.WriteByte(byte('0' + rng.IntN(10)))
	}
	return b.String()
}
