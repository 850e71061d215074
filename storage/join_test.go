package storage

import (
	"context"
	"testing"
	"time"

	"calltally.app/drivers"
)

// keyedLeg is a one-leg inbound call with key, the way CUCM or 3CX write
// each leg of a transfer or ring group as its own record.
func keyedLeg(key string, at time.Time, party string, ring, talk int, o drivers.Outcome, rec int64) drivers.Call {
	c := drivers.Call{
		Start: at, Direction: drivers.Inbound, Extension: party, External: "03012345678",
		Driver: "test", Key: key,
		Legs: []drivers.Leg{{Party: party, Start: at, Ring: ring, Talk: talk, Outcome: o, Record: rec}},
	}
	c.Derive(drivers.FinalAnswerer)
	return c
}

// addInBatches stores each call in its own committed batch, as legs that
// arrive in different files or after a restart.
func addInBatches(t *testing.T, ten *Tenant, calls ...drivers.Call) {
	t.Helper()
	ctx := context.Background()
	pbx, err := ten.PBX(ctx, "pbx", "test")
	if err != nil {
		t.Fatal(err)
	}
	for i := range calls {
		b, err := ten.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := b.AddCall(ctx, pbx, &calls[i], drivers.FinalAnswerer); err != nil {
			t.Fatal(err)
		}
		if err := b.Commit(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestKeyedLegsJoinAcrossBatches(t *testing.T) {
	_, ten := openTenant(t)
	at := time.Date(2026, 3, 10, 9, 0, 0, 0, berlin)
	addInBatches(t, ten,
		keyedLeg("1:77", at, "201", 20, 0, drivers.Unanswered, 1),                    // a ring-group member that did not pick up
		keyedLeg("1:77", at.Add(5*time.Second), "202", 15, 60, drivers.Answered, 2),  // the receptionist
		keyedLeg("1:77", at.Add(80*time.Second), "215", 3, 240, drivers.Answered, 3), // transferred to sales
		keyedLeg("1:77", at.Add(30*time.Hour), "203", 5, 10, drivers.Answered, 4),    // the key reused a day later
	)
	calls, err := ten.Calls(context.Background(), CallFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != 2 {
		t.Fatalf("got %d calls, want 2 (three legs joined, one key reuse apart)", len(calls))
	}
	c := calls[1] // newest first
	checks := []struct {
		name      string
		got, want any
	}{
		{"legs", len(c.Legs), 3},
		{"start", c.Start.Unix(), at.Unix()},
		{"duration", c.Duration, 300},
		{"ring", c.Ring, 20},
		{"answered", c.Answered, true},
		{"first answerer", c.FirstAnswerer, "202"},
		{"final answerer", c.FinalAnswerer, "215"},
		{"extension", c.Extension, "215"},
		{"transferred from", c.TransferredFrom, "202"},
		{"key", c.Key, "1:77"},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("%s = %v, want %v", ch.name, ch.got, ch.want)
		}
	}
	if n := len(calls[0].Legs); n != 1 || calls[0].Extension != "203" {
		t.Errorf("reused key: %d legs, extension %s; want a call of its own", n, calls[0].Extension)
	}
}
