package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// A CostCentre is what calls are charged to in the books: extensions name
// theirs by Code.
type CostCentre struct {
	ID   int64
	Code string
	Name string
}

// Check reports whether c can be stored.
func (c CostCentre) Check() error {
	if c.Code == "" {
		return errors.New("cost centre code: want a code")
	}
	if err := checkText("cost centre code", c.Code); err != nil {
		return err
	}
	return checkText("cost centre name", c.Name)
}

// CostCentres returns the cost centres ordered by code.
func (t *Tenant) CostCentres(ctx context.Context) ([]CostCentre, error) {
	return costCentres(ctx, t.db)
}

func costCentres(ctx context.Context, q querier) ([]CostCentre, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, code, name FROM cost_centres ORDER BY code")
	if err != nil {
		return nil, fmt.Errorf("list cost centres: %w", err)
	}
	defer rows.Close()
	var list []CostCentre
	for rows.Next() {
		var c CostCentre
		if err := rows.Scan(&c.ID, &c.Code, &c.Name); err != nil {
			return nil, fmt.Errorf("list cost centres: %w", err)
		}
		list = append(list, c)
	}
	return list, rows.Err()
}

// CostCentre returns the cost centre with code.
func (t *Tenant) CostCentre(ctx context.Context, code string) (CostCentre, error) {
	return costCentre(ctx, t.db, code)
}

func costCentre(ctx context.Context, q querier, code string) (CostCentre, error) {
	c := CostCentre{Code: code}
	err := q.QueryRowContext(ctx, "SELECT id, name FROM cost_centres WHERE code = ?", code).Scan(&c.ID, &c.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("cost centre %q: %w", code, ErrNotFound)
	}
	if err != nil {
		return c, fmt.Errorf("cost centre %q: %w", code, err)
	}
	return c, nil
}

// AddCostCentre stores a new cost centre and returns its ID.
func (t *Tenant) AddCostCentre(ctx context.Context, c CostCentre) (int64, error) {
	return addCostCentre(ctx, t.db, c)
}

func addCostCentre(ctx context.Context, q querier, c CostCentre) (int64, error) {
	if err := c.Check(); err != nil {
		return 0, err
	}
	var id int64
	err := q.QueryRowContext(ctx, "INSERT INTO cost_centres (code, name) VALUES (?, ?) RETURNING id", c.Code, c.Name).Scan(&id)
	if isUnique(err) {
		return 0, fmt.Errorf("cost centre %q: %w", c.Code, ErrExists)
	}
	if err != nil {
		return 0, fmt.Errorf("add cost centre %q: %w", c.Code, err)
	}
	return id, nil
}

// UpdateCostCentre stores c over the cost centre with c.ID; a new code is
// taken by the extensions that refer to it.
func (t *Tenant) UpdateCostCentre(ctx context.Context, c CostCentre) error {
	return updateCostCentre(ctx, t.db, c)
}

func updateCostCentre(ctx context.Context, q querier, c CostCentre) error {
	if err := c.Check(); err != nil {
		return err
	}
	res, err := q.ExecContext(ctx, "UPDATE cost_centres SET code = ?, name = ? WHERE id = ?", c.Code, c.Name, c.ID)
	if isUnique(err) {
		return fmt.Errorf("cost centre %q: %w", c.Code, ErrExists)
	}
	if err != nil {
		return fmt.Errorf("update cost centre %q: %w", c.Code, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("cost centre %d: %w", c.ID, ErrNotFound)
	}
	return nil
}

// RemoveCostCentre removes the cost centre with code. One that extensions
// refer to is refused (ErrInUse).
func (t *Tenant) RemoveCostCentre(ctx context.Context, code string) error {
	return t.inTx(ctx, "remove cost centre", func(tx *sql.Tx) error {
		c, err := costCentre(ctx, tx, code)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM extensions WHERE cost_centre_id = ?", c.ID).Scan(&n); err != nil {
			return fmt.Errorf("remove cost centre %q: %w", code, err)
		}
		if n > 0 {
			return fmt.Errorf("cost centre %q has %d extension period(s): %w", code, n, ErrInUse)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM cost_centres WHERE id = ?", c.ID); err != nil {
			return fmt.Errorf("remove cost centre %q: %w", code, err)
		}
		return nil
	})
}
