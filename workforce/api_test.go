package workforce_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

// Issue 14 §7: a workforce table by ISCO-08 major group is refused with an
// error that names the conversion, Table.SkillLevels.
func TestHeadcountsOccupationTablePointsToSkillLevels(t *testing.T) {
	cols := []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}
	occ := workforce.MustNewTable([]string{"J", "K"}, cols, [][]float64{
		{0, 10, 300, 200, 50, 10, 0, 5, 5, 20},
		{0, 20, 400, 250, 90, 10, 0, 0, 0, 30},
	})
	_, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{Total: estimate.Must(estimate.Point(1000)), Workforce: occ})
	if !errors.Is(err, workforce.ErrShape) || !strings.Contains(err.Error(), "Table.SkillLevels") {
		t.Fatalf("Headcounts(occupation table) error = %v, want ErrShape naming Table.SkillLevels", err)
	}
	// The advice works: the converted table is accepted.
	skills, err := occ.SkillLevels(workforce.SkillMap{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{Total: estimate.Must(estimate.Point(1000)), Workforce: skills}); err != nil {
		t.Errorf("Headcounts(SkillLevels table): %v", err)
	}
}
