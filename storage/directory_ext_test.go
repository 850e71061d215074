package storage

import (
	"context"
	"errors"
	"testing"
	"time"
)

// day is midnight of a date, wall clock labelled UTC as ParseWall gives.
func day(s string) time.Time {
	t, err := ParseWall(s)
	if err != nil {
		panic(err)
	}
	return t
}

func mustAddExt(t *testing.T, ten *Tenant, e Extension) Extension {
	t.Helper()
	e, err := ten.AddExtension(context.Background(), e)
	if err != nil {
		t.Fatalf("add %+v: %v", e, err)
	}
	return e
}

func TestExtensionPeriodsMustNotOverlap(t *testing.T) {
	ctx := context.Background()
	_, ten := openTenant(t)
	mustAddExt(t, ten, Extension{Number: "201", User: "Anna", From: day("2026-01-01"), To: day("2026-03-01")})
	mustAddExt(t, ten, Extension{Number: "201", User: "Ben", From: day("2026-03-01"), To: day("2026-06-01")})
	tests := []struct {
		name     string
		from, to string
		wantErr  bool
	}{
		{"for all time", "", "", true},
		{"open from inside", "2026-05-01", "", true},
		{"same start", "2026-03-01", "2026-04-01", true},
		{"straddles both", "2026-02-01", "2026-04-01", true},
		{"inside", "2026-01-10", "2026-01-20", true},
		{"until inside", "", "2026-01-02", true},
		{"before, touching", "", "2026-01-01", false},
		{"after, touching", "2026-06-01", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := ten.AddExtension(ctx, Extension{Number: "201", User: "Cleo", From: day(tt.from), To: day(tt.to)})
			if tt.wantErr != errors.Is(err, ErrOverlap) || (err != nil && !tt.wantErr) {
				t.Fatalf("got %v, want overlap: %v", err, tt.wantErr)
			}
			if err == nil { // leave the fixture as it was
				at := e.From
				if at.IsZero() {
					at = e.To.Add(-time.Second)
				}
				ten.RemoveExtension(ctx, "201", at)
			}
		})
	}
	if list, _ := ten.Extensions(ctx, ExtensionFilter{Number: "201"}); len(list) != 2 {
		t.Fatalf("rejected periods were stored: %+v", list)
	}
	// Another number may have any period.
	mustAddExt(t, ten, Extension{Number: "202", User: "Cleo"})
	// An edit that stretches a period over its neighbour is refused too.
	_, err := ten.EditExtension(ctx, "201", day("2026-01-15"), func(e *Extension) error { e.To = day("2026-04-01"); return nil })
	var oe *OverlapError
	if !errors.As(err, &oe) || oe.Other != "Ben" || oe.Error() != "extension 201 from 2026-01-01 to 2026-04-01 overlaps its period from 2026-03-01 to 2026-06-01 (Ben)" {
		t.Fatalf("edit over a neighbour: %v", err)
	}
}

func TestHolderFollowsTheDesk(t *testing.T) {
	ctx := context.Background()
	_, ten := openTenant(t)
	for _, name := range []string{"Sales", "Support"} {
		if _, err := ten.AddDepartment(ctx, name); err != nil {
			t.Fatal(err)
		}
	}
	mustAddExt(t, ten, Extension{Number: "201", Name: "Desk 1", User: "Anna", Department: "Sales"})
	moved, err := ten.MoveExtension(ctx, "201", day("2026-03-01"), func(e *Extension) error {
		e.User, e.Department = "Ben", "Support"
		return nil
	})
	if err != nil || moved.Name != "Desk 1" || !moved.To.IsZero() {
		t.Fatalf("move: %+v, %v", moved, err)
	}
	tests := []struct {
		at         time.Time
		user, dept string
	}{
		{time.Date(2026, 2, 28, 23, 59, 59, 0, berlin), "Anna", "Sales"},
		{time.Date(2026, 3, 1, 0, 0, 0, 0, berlin), "Ben", "Support"},
		{time.Date(2026, 3, 1, 0, 30, 0, 0, berlin), "Ben", "Support"}, // 23:30 UTC the day before: the wall clock counts
		{time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), "Anna", "Sales"},
	}
	dir, err := ten.LoadDirectory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		e, ok, err := ten.ExtensionAt(ctx, "201", tt.at)
		if err != nil || !ok || e.User != tt.user || e.Department != tt.dept {
			t.Errorf("ExtensionAt(%s) = %+v, %v, %v; want %s in %s", tt.at, e, ok, err, tt.user, tt.dept)
		}
		if d, ok := dir.ExtensionAt("201", tt.at); !ok || d != e {
			t.Errorf("Directory.ExtensionAt(%s) = %+v, want %+v", tt.at, d, e)
		}
	}
	// Moving again inside Ben's period splits it; a move at a period's
	// start changes it in place.
	if _, err := ten.MoveExtension(ctx, "201", day("2026-06-01"), func(e *Extension) error { e.User = "Cleo"; return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := ten.MoveExtension(ctx, "201", day("2026-06-01"), func(e *Extension) error { e.User = "Cleo B."; return nil }); err != nil {
		t.Fatal(err)
	}
	list, _ := ten.Extensions(ctx, ExtensionFilter{Number: "201"})
	var users []string
	for _, e := range list {
		users = append(users, e.User+" "+periodText(e.From, e.To))
	}
	want := []string{"Anna until 2026-03-01", "Ben from 2026-03-01 to 2026-06-01", "Cleo B. from 2026-06-01 on"}
	if len(users) != len(want) || users[0] != want[0] || users[1] != want[1] || users[2] != want[2] {
		t.Fatalf("periods %q, want %q", users, want)
	}
	if _, ok, _ := ten.ExtensionAt(ctx, "999", tests[0].at); ok {
		t.Error("unknown number found")
	}
}

func TestAddUnassignedIsIdempotentAndYields(t *testing.T) {
	ctx := context.Background()
	_, ten := openTenant(t)
	mustAddExt(t, ten, Extension{Number: "201", User: "Anna"})
	added, err := ten.AddUnassigned(ctx, []string{"201", "202", "", "two words", "202", "203"})
	if err != nil || len(added) != 2 || added[0] != "202" || added[1] != "203" {
		t.Fatalf("first: %q, %v", added, err)
	}
	v, _ := ten.DirectoryVersion(ctx)
	if added, err := ten.AddUnassigned(ctx, []string{"201", "202", "203"}); err != nil || len(added) != 0 {
		t.Fatalf("second: %q, %v", added, err)
	}
	if v2, _ := ten.DirectoryVersion(ctx); v2 != v {
		t.Errorf("version moved from %d to %d though nothing changed", v, v2)
	}
	if list, _ := ten.Extensions(ctx, ExtensionFilter{Unassigned: true}); len(list) != 2 || list[0].Number != "202" {
		t.Fatalf("unassigned: %+v", list)
	}
	// Giving 202 to someone from March cuts the unassigned entry around it.
	mustAddExt(t, ten, Extension{Number: "202", User: "Ben", From: day("2026-03-01"), To: day("2026-04-01")})
	list, _ := ten.Extensions(ctx, ExtensionFilter{Number: "202"})
	var got []string
	for _, e := range list {
		got = append(got, e.User+"|"+periodText(e.From, e.To)+"|"+map[bool]string{true: "unassigned"}[e.Unassigned])
	}
	want := "[|until 2026-03-01|unassigned Ben|from 2026-03-01 to 2026-04-01| |from 2026-04-01 on|unassigned]"
	if g := sprint(got); g != want {
		t.Fatalf("after assigning: %s, want %s", g, want)
	}
	// Assigning for all time leaves nothing unassigned.
	e, _, _ := ten.ExtensionAt(ctx, "203", time.Now())
	e.Unassigned, e.User = false, "Cleo"
	if err := ten.UpdateExtension(ctx, e); err != nil {
		t.Fatal(err)
	}
	if list, _ := ten.Extensions(ctx, ExtensionFilter{Number: "203"}); len(list) != 1 || list[0].Unassigned || list[0].User != "Cleo" {
		t.Fatalf("203: %+v", list)
	}
	// Adding a holder for all time takes the unassigned entry's place.
	if _, err := ten.AddUnassigned(ctx, []string{"204"}); err != nil {
		t.Fatal(err)
	}
	mustAddExt(t, ten, Extension{Number: "204", User: "Dan"})
	if list, _ := ten.Extensions(ctx, ExtensionFilter{Number: "204"}); len(list) != 1 || list[0].Unassigned || list[0].User != "Dan" {
		t.Fatalf("204: %+v", list)
	}
}

func sprint(v []string) string {
	out := "["
	for i, s := range v {
		if i > 0 {
			out += " "
		}
		out += s
	}
	return out + "]"
}

func TestAddUnassignedInBatch(t *testing.T) {
	ctx := context.Background()
	_, ten := openTenant(t)
	b, err := ten.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if added, err := b.AddUnassigned(ctx, []string{"301"}); err != nil || len(added) != 1 {
		t.Fatalf("%q, %v", added, err)
	}
	// The snapshot is read outside the batch: it waits for the commit.
	if dir, err := ten.LoadDirectory(ctx); err != nil || dir.Known("301") {
		t.Fatalf("uncommitted entry visible: %v", err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	dir, err := ten.RefreshDirectory(ctx, nil)
	if err != nil || !dir.Known("301") {
		t.Fatalf("after commit: %v", err)
	}
	if e, ok := dir.ExtensionAt("301", time.Now()); !ok || !e.Unassigned {
		t.Fatalf("301: %+v", e)
	}
}

func TestEditAndRemoveExtension(t *testing.T) {
	ctx := context.Background()
	_, ten := openTenant(t)
	if _, err := ten.AddCostCentre(ctx, CostCentre{Code: "CC1", Name: "Ops"}); err != nil {
		t.Fatal(err)
	}
	mustAddExt(t, ten, Extension{Number: "201", User: "Anna", To: day("2026-03-01")})
	mustAddExt(t, ten, Extension{Number: "201", User: "Ben", From: day("2026-03-01")})
	tests := []struct {
		name string
		err  error
		want error
	}{
		{"unknown department", addErr(ten, Extension{Number: "202", Department: "Nowhere"}), ErrNotFound},
		{"unknown cost centre", addErr(ten, Extension{Number: "202", CostCentre: "CC9"}), ErrNotFound},
		{"no number", addErr(ten, Extension{User: "x"}), nil},
		{"ends before it starts", addErr(ten, Extension{Number: "202", From: day("2026-03-01"), To: day("2026-02-01")}), nil},
	}
	for _, tt := range tests {
		if tt.err == nil || (tt.want != nil && !errors.Is(tt.err, tt.want)) {
			t.Errorf("%s: got %v, want an error (%v)", tt.name, tt.err, tt.want)
		}
	}
	// Without a date, edit changes the latest period.
	e, err := ten.EditExtension(ctx, "201", time.Time{}, func(e *Extension) error { e.CostCentre = "CC1"; return nil })
	if err != nil || e.User != "Ben" || e.CostCentre != "CC1" {
		t.Fatalf("edit: %+v, %v", e, err)
	}
	if err := ten.RemoveCostCentre(ctx, "CC1"); !errors.Is(err, ErrInUse) {
		t.Fatalf("remove a cost centre in use: %v", err)
	}
	if n, err := ten.RemoveExtension(ctx, "201", day("2026-01-01")); n != 1 || err != nil {
		t.Fatalf("remove at: %d, %v", n, err)
	}
	if n, err := ten.RemoveExtension(ctx, "201", time.Time{}); n != 1 || err != nil {
		t.Fatalf("remove all: %d, %v", n, err)
	}
	if _, err := ten.RemoveExtension(ctx, "201", time.Time{}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("remove again: %v", err)
	}
}

func addErr(ten *Tenant, e Extension) error {
	_, err := ten.AddExtension(context.Background(), e)
	return err
}
