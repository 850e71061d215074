package storage

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func deptPaths(t *testing.T, ten *Tenant) string {
	t.Helper()
	list, err := ten.Departments(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, d := range list {
		paths = append(paths, d.Path)
	}
	return strings.Join(paths, ", ")
}

func TestDepartmentTree(t *testing.T) {
	ctx := context.Background()
	_, ten := openTenant(t)
	for _, p := range []string{"Sales/Inside Sales", "Sales Ops", " Sales / Field ", "Support"} {
		if _, err := ten.AddDepartment(ctx, p); err != nil {
			t.Fatalf("add %q: %v", p, err)
		}
	}
	// Parents come first and before siblings with longer names.
	if got, want := deptPaths(t, ten), "Sales, Sales/Field, Sales/Inside Sales, Sales Ops, Support"; got != want {
		t.Fatalf("paths %q, want %q", got, want)
	}
	tests := []struct {
		name string
		err  error
		want error
	}{
		{"exists", addDept(ten, "Sales/Field"), ErrExists},
		{"empty name", addDept(ten, "Sales//Field"), nil},
		{"move under itself", ten.MoveDepartment(ctx, "Sales", "Sales/Inside Sales/Sales"), nil},
		{"move onto a sibling", ten.MoveDepartment(ctx, "Sales/Field", "Sales/Inside Sales"), ErrExists},
		{"move a missing one", ten.MoveDepartment(ctx, "Nope", "Yes"), ErrNotFound},
		{"remove with children", ten.RemoveDepartment(ctx, "Sales"), ErrInUse},
	}
	for _, tt := range tests {
		if tt.err == nil || (tt.want != nil && !errors.Is(tt.err, tt.want)) {
			t.Errorf("%s: got %v, want an error (%v)", tt.name, tt.err, tt.want)
		}
	}
	// Moving takes the sub-tree and the extensions along.
	mustAddExt(t, ten, Extension{Number: "201", Department: "Sales/Inside Sales"})
	if err := ten.MoveDepartment(ctx, "Sales", "Commercial/Sales"); err != nil {
		t.Fatal(err)
	}
	if err := ten.MoveDepartment(ctx, "Commercial/Sales/Inside Sales", "Commercial/Sales/Desk"); err != nil {
		t.Fatal(err)
	}
	if got, want := deptPaths(t, ten), "Commercial, Commercial/Sales, Commercial/Sales/Desk, Commercial/Sales/Field, Sales Ops, Support"; got != want {
		t.Fatalf("after moves %q, want %q", got, want)
	}
	if e, _, _ := ten.ExtensionAt(ctx, "201", day("2026-01-01")); e.Department != "Commercial/Sales/Desk" {
		t.Fatalf("extension's department %q", e.Department)
	}
	if err := ten.RemoveDepartment(ctx, "Commercial/Sales/Desk"); !errors.Is(err, ErrInUse) {
		t.Fatalf("remove a department with extensions: %v", err)
	}
	if err := ten.RemoveDepartment(ctx, "Support"); err != nil {
		t.Fatal(err)
	}
}

func addDept(ten *Tenant, path string) error {
	_, err := ten.AddDepartment(context.Background(), path)
	return err
}

func TestCostCentresAndPhonebook(t *testing.T) {
	ctx := context.Background()
	_, ten := openTenant(t)
	id, err := ten.AddCostCentre(ctx, CostCentre{Code: "4100", Name: "Sales"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ten.AddCostCentre(ctx, CostCentre{Code: "4100"}); !errors.Is(err, ErrExists) {
		t.Fatalf("duplicate code: %v", err)
	}
	if err := ten.UpdateCostCentre(ctx, CostCentre{ID: id, Code: "4110", Name: "Sales DE"}); err != nil {
		t.Fatal(err)
	}
	if c, err := ten.CostCentre(ctx, "4110"); err != nil || c.Name != "Sales DE" {
		t.Fatalf("%+v, %v", c, err)
	}
	entries := []PhonebookEntry{
		{Number: "0301234567", E164: "+49301234567", Name: "Anna Berg", Company: "Berg GmbH"},
		{Number: "004940123", E164: "+4940123", Company: "Hamburg Port"},
	}
	for _, p := range entries {
		if _, err := ten.AddPhonebookEntry(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	for _, bad := range []PhonebookEntry{{Number: "0301234567"}, {Number: "1", E164: "0049"}, {Number: "12 34"}} {
		if _, err := ten.AddPhonebookEntry(ctx, bad); err == nil {
			t.Errorf("%+v was stored", bad)
		}
	}
	dir, err := ten.LoadDirectory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ number, e164, want string }{
		{"0301234567", "", "Berg GmbH"},
		{"+49301234567", "", "Berg GmbH"},           // a PBX that writes E.164
		{"9301234567", "+49301234567", "Berg GmbH"}, // another prefix, normalised by the caller
		{"004940123", "+4940999", "Hamburg Port"},
		{"0401", "", ""},
	}
	for _, tt := range tests {
		p, ok, err := ten.LookupPhone(ctx, tt.number, tt.e164)
		if err != nil || ok != (tt.want != "") || p.Company != tt.want {
			t.Errorf("LookupPhone(%s, %s) = %+v, %v, %v; want %q", tt.number, tt.e164, p, ok, err, tt.want)
		}
		if d, ok := dir.Phone(tt.number, tt.e164); ok != (tt.want != "") || d != p {
			t.Errorf("Directory.Phone(%s, %s) = %+v, want %+v", tt.number, tt.e164, d, p)
		}
	}
	if err := ten.RemovePhonebookEntry(ctx, "004940123"); err != nil {
		t.Fatal(err)
	}
	if err := ten.RemovePhonebookEntry(ctx, "004940123"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("remove again: %v", err)
	}
}
