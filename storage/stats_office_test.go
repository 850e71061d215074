package storage

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"calltally.app/drivers"
)

var office fixture

// officeCalls returns the tenant of the office's calls, built once per run
// through the ingest's own Batch, as millionCalls does.
func officeCalls(b *testing.B) *Tenant { return office.get(b, fillOffice) }

func fillOffice(b testing.TB, t *Tenant, n int) {
	ctx := context.Background()
	pbx, _ := t.PBX(ctx, "office", "test")
	g := newOffice(n)
	for done := 0; done < n; {
		batch, err := t.Begin(ctx)
		if err != nil {
			b.Fatal(err)
		}
		for end := min(done+5000, n); done < end; done++ {
			c := g.call(done)
			if _, _, err := batch.AddCall(ctx, pbx, &c, drivers.FinalAnswerer); err != nil {
				b.Fatal(err)
			}
		}
		if err := batch.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}

// officeGen makes the office's calls in order of time: 730 days from
// 2024-07-01, working hours, 45% inbound (11% of them missed, 4% to
// voicemail), 40% outbound, 15% internal; callers drawn from 40,000
// numbers, a few of them frequent; most misses called back soon after.
type officeGen struct {
	n, perDay int
	rng       *rand.Rand
	callBack  []int // numbers of missed calls waiting for a call back
}

func newOffice(n int) *officeGen {
	return &officeGen{n: n, perDay: max(n/730, 1), rng: rand.New(rand.NewPCG(1, 2))}
}

var officeStart = time.Date(2024, 7, 1, 7, 30, 0, 0, berlin)

func (g *officeGen) call(i int) drivers.Call {
	day, nth := i/g.perDay, i%g.perDay
	start := officeStart.AddDate(0, 0, day).Add(time.Duration(nth) * 11 * time.Hour / time.Duration(g.perDay))
	ext := 201 + g.rng.IntN(60)
	c := drivers.Call{Start: start, Extension: fmt.Sprint(ext), ExtensionName: fmt.Sprint("User ", ext), Driver: "test"}
	c.Department, c.Currency, c.Rated = officeDepartment(ext), "EUR", true
	if ext > 255 {
		c.Currency = "GBP"
	}
	switch r := g.rng.Float64(); {
	case r < 0.45:
		g.inbound(&c)
	case r < 0.85:
		g.outbound(&c)
	default:
		c.Direction, c.Answered, c.Duration = drivers.Internal, true, 10+g.rng.IntN(300)
		c.Dialled = fmt.Sprint(201 + g.rng.IntN(60))
	}
	c.Legs = []drivers.Leg{{Party: c.Extension, Start: start, Talk: c.Duration, Outcome: drivers.Answered}}
	return c
}

func (g *officeGen) inbound(c *drivers.Call) {
	k := g.number()
	c.Direction = drivers.Inbound
	c.External, c.ExternalE164 = officeNumber(k, "")
	switch r := g.rng.Float64(); {
	case r < 0.11:
		c.Extension, c.ExtensionName, c.Department, c.Currency = "200", "Reception group", "Reception", "EUR"
		if g.rng.Float64() < 0.7 {
			g.callBack = append(g.callBack, k)
		}
	case r < 0.15:
		c.Answered, c.Voicemail, c.Duration = true, true, 5+g.rng.IntN(60)
	default:
		c.Answered, c.Duration = true, 20+g.rng.IntN(600)
	}
}

func (g *officeGen) outbound(c *drivers.Call) {
	k := g.number()
	if len(g.callBack) > 0 && g.rng.Float64() < 0.5 {
		k, g.callBack = g.callBack[0], g.callBack[1:]
	}
	c.Direction = drivers.Outbound
	c.External, c.ExternalE164 = officeNumber(k, "0")
	c.Destination = drivers.Destination{Country: "DE", Type: "fixed", Scope: "national"}
	if k%5 == 0 {
		c.Destination.Type = "mobile"
	}
	if k%23 == 0 {
		c.Destination = drivers.Destination{Country: []string{"GB", "FR", "US"}[k%3], Type: "fixed", Scope: "international"}
	}
	if g.rng.Float64() < 0.75 {
		c.Answered, c.Duration = true, 10+g.rng.IntN(900)
		c.Cost = int64((c.Duration+59)/60) * 20_000
	}
	c.Rated = g.rng.Float64() > 0.03
}

// number picks a caller: a few numbers call often, most seldom.
func (g *officeGen) number() int {
	u := g.rng.Float64()
	return int(40_000 * u * u * u)
}

// officeNumber is number k as written, after the trunk access code when
// dialled, and in E.164; one in twenty is written with separators and has
// no E.164 form (a dial plan could not tell), dialled or not.
func officeNumber(k int, access string) (string, string) {
	local := fmt.Sprintf("%07d", 1_000_000+k)
	if k%20 == 7 {
		return "030-" + local[:3] + " " + local[3:], ""
	}
	return access + "030" + local, "+4930" + local
}

func officeDepartment(ext int) string {
	switch {
	case ext <= 210:
		return "Sales"
	case ext <= 220:
		return "Sales/Inside"
	case ext <= 235:
		return "Support"
	case ext <= 245:
		return "Warehouse"
	case ext <= 255:
		return "Accounts"
	}
	return "London"
}
