package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// A Department is a node of the department tree. Its Path names it from
// the top, "Sales/Inside Sales": the command line, CSV files and reports
// refer to departments by path.
type Department struct {
	ID       int64
	ParentID int64 // 0 for a top-level department
	Name     string
	Path     string
}

// departmentTree is a CTE that gives every department its path.
const departmentTree = `WITH RECURSIVE tree(id, parent_id, name, path) AS (
	SELECT id, 0, name, name FROM departments WHERE parent_id IS NULL
	UNION ALL
	SELECT d.id, d.parent_id, d.name, tree.path || '/' || d.name FROM departments d JOIN tree ON d.parent_id = tree.id)
`

// SplitDepartmentPath reads a department path into its names, trimming
// spaces around each: "Sales / Inside Sales" is "Sales/Inside Sales".
func SplitDepartmentPath(path string) ([]string, error) {
	names := strings.Split(path, "/")
	for i, n := range names {
		names[i] = strings.TrimSpace(n)
		if names[i] == "" {
			return nil, fmt.Errorf("department %q: want names separated by /, none empty", path)
		}
		if err := checkText("department name", names[i]); err != nil {
			return nil, err
		}
	}
	return names, nil
}

// Departments returns the department tree, each parent before its
// children and siblings by name.
func (t *Tenant) Departments(ctx context.Context) ([]Department, error) {
	return departments(ctx, t.db)
}

func departments(ctx context.Context, q querier) ([]Department, error) {
	rows, err := q.QueryContext(ctx, departmentTree+"SELECT id, parent_id, name, path FROM tree")
	if err != nil {
		return nil, fmt.Errorf("list departments: %w", err)
	}
	defer rows.Close()
	var list []Department
	for rows.Next() {
		var d Department
		if err := rows.Scan(&d.ID, &d.ParentID, &d.Name, &d.Path); err != nil {
			return nil, fmt.Errorf("list departments: %w", err)
		}
		list = append(list, d)
	}
	// By names, not by path text: "Sales/East" comes before "Sales Ops".
	slices.SortFunc(list, func(a, b Department) int {
		return slices.Compare(strings.Split(a.Path, "/"), strings.Split(b.Path, "/"))
	})
	return list, rows.Err()
}

// departmentID returns the ID of the department at path.
func departmentID(ctx context.Context, q querier, path string) (int64, error) {
	names, err := SplitDepartmentPath(path)
	if err != nil {
		return 0, err
	}
	id, _, err := walkDepartments(ctx, q, names, false)
	return id, err
}

// walkDepartments follows names from the top and returns the ID of the
// last; with create, it adds the departments missing on the way and says
// whether it added the last.
func walkDepartments(ctx context.Context, q querier, names []string, create bool) (id int64, added bool, err error) {
	for i, name := range names {
		parent := id
		err = q.QueryRowContext(ctx, "SELECT id FROM departments WHERE ifnull(parent_id, 0) = ? AND name = ?", parent, name).Scan(&id)
		added = errors.Is(err, sql.ErrNoRows)
		if added && create {
			err = q.QueryRowContext(ctx, "INSERT INTO departments (parent_id, name) VALUES (?, ?) RETURNING id",
				sql.NullInt64{Int64: parent, Valid: parent != 0}, name).Scan(&id)
		}
		if errors.Is(err, sql.ErrNoRows) {
			return 0, false, fmt.Errorf("department %q: %w", strings.Join(names[:i+1], "/"), ErrNotFound)
		}
		if err != nil {
			return 0, false, fmt.Errorf("department %q: %w", strings.Join(names[:i+1], "/"), err)
		}
	}
	return id, added, nil
}

// AddDepartment adds the department at path, and the departments above it
// that do not exist yet.
func (t *Tenant) AddDepartment(ctx context.Context, path string) (Department, error) {
	names, err := SplitDepartmentPath(path)
	if err != nil {
		return Department{}, err
	}
	d := Department{Name: names[len(names)-1], Path: strings.Join(names, "/")}
	err = t.inTx(ctx, "add department", func(tx *sql.Tx) error {
		id, added, err := walkDepartments(ctx, tx, names, true)
		if err == nil && !added {
			err = fmt.Errorf("department %q: %w", d.Path, ErrExists)
		}
		d.ID = id
		return err
	})
	return d, err
}

// MoveDepartment renames the department at path, moves it under another
// parent, or both: to is its new path. Its sub-departments and extensions
// go with it. Parents missing on the way to to are added.
func (t *Tenant) MoveDepartment(ctx context.Context, path, to string) error {
	names, err := SplitDepartmentPath(to)
	if err != nil {
		return err
	}
	return t.inTx(ctx, "move department", func(tx *sql.Tx) error {
		id, err := departmentID(ctx, tx, path)
		if err != nil {
			return err
		}
		var parent int64
		if len(names) > 1 {
			if parent, _, err = walkDepartments(ctx, tx, names[:len(names)-1], true); err != nil {
				return err
			}
		}
		if err := checkNotBelow(ctx, tx, id, parent); err != nil {
			return fmt.Errorf("move department %q to %q: %w", path, to, err)
		}
		_, err = tx.ExecContext(ctx, "UPDATE departments SET parent_id = ?, name = ? WHERE id = ?",
			sql.NullInt64{Int64: parent, Valid: parent != 0}, names[len(names)-1], id)
		if isUnique(err) {
			return fmt.Errorf("department %q: %w", strings.Join(names, "/"), ErrExists)
		}
		if err != nil {
			return fmt.Errorf("move department %q: %w", path, err)
		}
		return nil
	})
}

// checkNotBelow refuses a parent that is the department id or one of its
// sub-departments: the tree would become a loop.
func checkNotBelow(ctx context.Context, q querier, id, parent int64) error {
	var n int
	err := q.QueryRowContext(ctx, `WITH RECURSIVE sub(id) AS (
		SELECT ? UNION ALL SELECT d.id FROM departments d JOIN sub ON d.parent_id = sub.id)
		SELECT count(*) FROM sub WHERE id = ?`, id, parent).Scan(&n)
	if err != nil {
		return err
	}
	if n > 0 {
		return errors.New("a department cannot be moved under itself")
	}
	return nil
}

// RemoveDepartment removes the department at path. One with
// sub-departments or extensions is refused (ErrInUse): move them first.
func (t *Tenant) RemoveDepartment(ctx context.Context, path string) error {
	return t.inTx(ctx, "remove department", func(tx *sql.Tx) error {
		id, err := departmentID(ctx, tx, path)
		if err != nil {
			return err
		}
		var subs, exts int
		err = tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM departments WHERE parent_id = ?),
			(SELECT count(*) FROM extensions WHERE department_id = ?)`, id, id).Scan(&subs, &exts)
		switch {
		case err != nil:
			return fmt.Errorf("remove department %q: %w", path, err)
		case subs > 0:
			return fmt.Errorf("department %q has %d sub-department(s): %w", path, subs, ErrInUse)
		case exts > 0:
			return fmt.Errorf("department %q has %d extension period(s): %w", path, exts, ErrInUse)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM departments WHERE id = ?", id); err != nil {
			return fmt.Errorf("remove department %q: %w", path, err)
		}
		return nil
	})
}

// departmentPaths maps every department's ID to its path, for reading
// many extensions.
func departmentPaths(ctx context.Context, q querier) (map[int64]string, error) {
	list, err := departments(ctx, q)
	if err != nil {
		return nil, err
	}
	paths := make(map[int64]string, len(list))
	for _, d := range list {
		paths[d.ID] = d.Path
	}
	return paths, nil
}

// normalPath is path with the spaces around its names trimmed, or path
// itself when it is not a valid path (the lookup then fails with it).
func normalPath(path string) string {
	names, err := SplitDepartmentPath(path)
	if err != nil {
		return path
	}
	return strings.Join(names, "/")
}
