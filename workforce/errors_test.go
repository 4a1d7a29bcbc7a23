package workforce_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

// An error that wraps another from this package says "workforce:" once, and
// still wraps the inner error's sentinel.
func TestErrorPrefixOnce(t *testing.T) {
	t.Parallel()
	levels := []string{"1", "2", "3", "4"}
	_, headcountErr := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:     must(estimate.Point(10)),
		Workforce: workforce.MustNewTable([]string{"ZZ"}, levels, [][]float64{{1, 1, 1, 1}}),
	})
	var tab workforce.Table
	unmarshalErr := tab.UnmarshalJSON([]byte(`{"rows":["a","a"],"cols":["x"],"values":[[1],[1]]}`))
	_, skillErr := workforce.MustNewTable([]string{"a"}, []string{"nope"}, [][]float64{{1}}).SkillLevels(workforce.SkillMap{})
	_, bandErr := workforce.MustNewTable([]string{"a"}, []string{"9"}, [][]float64{{1}}).Bands()
	for name, tt := range map[string]struct {
		err  error
		kind error
	}{
		"Headcounts with a bad sector row": {headcountErr, workforce.ErrUnknownCode},
		"UnmarshalJSON of duplicate rows":  {unmarshalErr, workforce.ErrUnknownCode},
		"SkillLevels of a bad column":      {skillErr, workforce.ErrUnknownCode},
		"Bands of a bad column":            {bandErr, workforce.ErrUnknownCode},
	} {
		if !errors.Is(tt.err, tt.kind) {
			t.Errorf("%s: error %v, want %v", name, tt.err, tt.kind)
			continue
		}
		if n := strings.Count(tt.err.Error(), "workforce:"); n != 1 {
			t.Errorf("%s: %q says \"workforce:\" %d times, want once", name, tt.err, n)
		}
	}
}
