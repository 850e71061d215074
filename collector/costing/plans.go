package costing

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// ErrNoPlan is returned (wrapped) by Plans.Rate for a call on a trunk no
// plan names when there is no default plan.
var ErrNoPlan = errors.New("no tariff plan")

// Plans is a site's set of tariff plans. A call is rated by the plan that
// names its trunk exactly; else by the plan with the longest matching
// "prefix*" pattern; else by the default plan. It is safe for concurrent
// use.
type Plans struct {
	plans    []*Plan
	exact    map[string]*Plan
	patterns []trunkPattern // longest prefix first
	def      *Plan
}

type trunkPattern struct {
	prefix string
	plan   *Plan
}

// NewPlans validates plans and indexes them by trunk. Plan names must be
// unique, at most one plan may be the default, and no trunk name or
// pattern may belong to two plans.
func NewPlans(plans []Plan) (*Plans, error) {
	s := &Plans{exact: map[string]*Plan{}}
	owner := map[string]string{} // trunk or pattern → plan name
	plans = slices.Clone(plans)  // the caller's slice stays the caller's
	for i := range plans {
		p := &plans[i]
		if err := p.Validate(); err != nil {
			return nil, err
		}
		if err := s.add(p, owner); err != nil {
			return nil, fmt.Errorf("plan %q: %w", p.Name, err)
		}
	}
	sort.SliceStable(s.patterns, func(i, j int) bool {
		return len(s.patterns[i].prefix) > len(s.patterns[j].prefix)
	})
	return s, nil
}

func (s *Plans) add(p *Plan, owner map[string]string) error {
	for _, q := range s.plans {
		if strings.EqualFold(q.Name, p.Name) {
			return errors.New("two plans have this name")
		}
	}
	if p.Default && s.def != nil {
		return fmt.Errorf("plan %q is already the default", s.def.Name)
	}
	for _, t := range p.Trunks {
		if o, ok := owner[t]; ok {
			return fmt.Errorf("trunk %q already belongs to plan %q", t, o)
		}
		owner[t] = p.Name
		if prefix, ok := strings.CutSuffix(t, "*"); ok {
			s.patterns = append(s.patterns, trunkPattern{prefix, p})
		} else {
			s.exact[t] = p
		}
	}
	if p.Default {
		s.def = p
	}
	s.plans = append(s.plans, p)
	return nil
}

// Plans returns the plans in the order given to NewPlans.
func (s *Plans) Plans() []*Plan { return s.plans }

// For returns the plan that rates calls on trunk, or false when none does.
func (s *Plans) For(trunk string) (*Plan, bool) {
	if p, ok := s.exact[trunk]; ok {
		return p, true
	}
	for _, pt := range s.patterns {
		if strings.HasPrefix(trunk, pt.prefix) {
			return pt.plan, true
		}
	}
	return s.def, s.def != nil
}

// Rate rates c by the plan for its trunk (see Plan.Rate).
func (s *Plans) Rate(c Call) (Money, RateInfo, error) {
	p, ok := s.For(c.Trunk)
	if !ok {
		return 0, RateInfo{}, fmt.Errorf("trunk %q: %w", c.Trunk, ErrNoPlan)
	}
	return p.Rate(c)
}
