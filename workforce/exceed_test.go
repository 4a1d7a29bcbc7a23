package workforce_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

// Issue 5, finding 5, as changed by issue 9 (must-have §7): a total
// above the whole workforce is an error; a composition that puts more
// people in a sector or a cell than work there is capped (tested below).
func TestHeadcountsExceedWorkforce(t *testing.T) {
	ctx := context.Background()
	opt := estimate.Options{Draws: 100}
	tests := []struct {
		name string
		sc   workforce.Scenario
	}{
		// hand: a share of 1 of the labour force (75.1M, November 2022) is
		// more than the 71.9M employed the workforce table counts
		{"share 1, J focus", workforce.Scenario{Share: estimate.Must(estimate.Point(1)),
			SectorFocus: map[workforce.Sector]estimate.Estimate{workforce.Information: estimate.Must(estimate.Point(0.3))}}},
		{"share 1", workforce.Scenario{Share: estimate.Must(estimate.Point(1))}},
		// hand: 200M is 2.78 times the 71.9M employed
		{"total 200M", workforce.Scenario{Total: estimate.Must(estimate.Point(200e6))}},
		// hand: 81 people, 80 in the table
		{"total 81", workforce.Scenario{Total: estimate.Must(estimate.Point(81)), Workforce: smallWorkforce()}},
	}
	for _, tt := range tests {
		sc := tt.sc
		sc.MonteCarlo = opt
		h, err := workforce.NewHeadcount(ctx, sc)
		if !errors.Is(err, workforce.ErrExceedsWorkforce) || h != nil {
			t.Errorf("%s: Headcounts = %v, %v; want ErrExceedsWorkforce", tt.name, h, err)
		}
	}
	// At the limit: everyone leaves, exactly the workforce (hand: 80 of 80
	// in small, 10 per cell), is possible.
	h, err := workforce.NewHeadcount(ctx, workforce.Scenario{Total: estimate.Must(estimate.Point(80)), Workforce: smallWorkforce(), MonteCarlo: opt})
	if err != nil {
		t.Fatalf("everyone leaves: %v", err)
	}
	if got := h.BySector(workforce.Information).Share(); got != 1 {
		t.Errorf("everyone leaves: SectorShare(J) = %v, want 1", got)
	}
	// The message names the count and the workforce.
	_, err = workforce.NewHeadcount(ctx, workforce.Scenario{Total: estimate.Must(estimate.Point(81)), Workforce: smallWorkforce(), MonteCarlo: opt})
	for _, want := range []string{"81 people", "workforce has 80"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
}

// smallWorkforce is two sectors, A and J, of 10 people in each cell.
func smallWorkforce() *workforce.Table {
	return workforce.MustNewTable([]string{"A", "J"}, []string{"1", "2", "3", "4"},
		[][]float64{{10, 10, 10, 10}, {10, 10, 10, 10}})
}

// Issue 9, must-have §7: a composition that asks for more people in a cell
// than work there is capped, and the excess moves first to the same skill
// level of other sectors, then anywhere, in proportion to the room left.
func TestHeadcountsCap(t *testing.T) {
	ctx := context.Background()
	opt := estimate.Options{Draws: 100}
	tests := []struct {
		name  string
		sc    workforce.Scenario
		want  [2][4]float64 // unrounded cells, rows A and J
		moved float64
	}{
		// hand: 50 people all from J (workforce 40): 12.5 per J cell,
		// capped at 10; each level's excess 2.5 goes to A's cell of the
		// same level, the only one with room.
		{"sector", workforce.Scenario{Total: estimate.Must(estimate.Point(50)),
			Sectors: estimate.Must(estimate.FixedShares([]float64{0, 1}))},
			[2][4]float64{{2.5, 2.5, 2.5, 2.5}, {10, 10, 10, 10}}, 10},
		// hand: 40 people all at level 4 (workforce 20): 20 per level-4
		// cell, capped at 10; level 4 is full, so the 20 left go to the six
		// other cells, each with room 10: 20·10/60 = 3.333… each.
		{"level", workforce.Scenario{Total: estimate.Must(estimate.Point(40)),
			Skills: estimate.Must(estimate.FixedShares([]float64{0, 0, 0, 1}))},
			[2][4]float64{{10.0 / 3, 10.0 / 3, 10.0 / 3, 10}, {10.0 / 3, 10.0 / 3, 10.0 / 3, 10}}, 20},
	}
	for _, tt := range tests {
		sc := tt.sc
		sc.Workforce = smallWorkforce()
		sc.MonteCarlo = opt
		h, err := workforce.NewHeadcount(ctx, sc)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		checkAddsUp(t, h)
		for i, s := range []workforce.Sector{workforce.Agriculture, workforce.Information} {
			for _, k := range workforce.SkillLevels() {
				if got := h.Cell(s, k).Expected; math.Abs(got-tt.want[i][k-1]) > 1e-9 {
					t.Errorf("%s: cell %v/%v = %v, want %v", tt.name, s, k, got, tt.want[i][k-1])
				}
				if h.Cell(s, k).N > 10 {
					t.Errorf("%s: cell %v/%v = %d, above its workforce 10", tt.name, s, k, h.Cell(s, k).N)
				}
			}
		}
		c := h.Capped()
		if math.Abs(c.PointMoved-tt.moved) > 1e-9 || c.Capped != 100 || c.Draws != 100 {
			t.Errorf("%s: Capped() = %+v, want %v moved and every draw capped", tt.name, c, tt.moved)
		}
	}
}

// Issue 5, finding 5, as changed by issue 9: draws whose total exceeds the
// whole workforce are capped at it, and Capped and Notes say how often.
func TestHeadcountsExceedSomeDraws(t *testing.T) {
	// Between(1e7, 1e8) is lognormal with μ = ln √(1e7·1e8) and
	// σ = ln 10 / (2·1.6449) = 0.69997 (estimate.Between's doc). With the
	// workforce's own composition, a draw exceeds some sector exactly when
	// the total exceeds the 71.9M employed: hand, P(Z > ln(W/3.1623e7)/σ).
	wf := must(workforce.DefaultWorkforce(workforce.DefaultYear))
	W := wf.Total()
	sigma := math.Ln10 / (2 * 1.6448536269514722)
	want := 0.5 * math.Erfc(math.Log(W/math.Sqrt(1e15))/sigma/math.Sqrt2) // about 12.0%
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:      estimate.Must(estimate.Between(1e7, 1e8)),
		MonteCarlo: estimate.Options{Draws: 20000, Seed: 7},
	})
	if err != nil {
		t.Fatal(err)
	}
	var got float64 = -1
	for _, n := range h.Notes() {
		if strings.HasPrefix(n, "workforce cap: ") {
			if _, err := fmt.Sscanf(n, "workforce cap: %g%%", &got); err != nil {
				t.Fatalf("note %q: %v", n, err)
			}
		}
	}
	// 20,000 draws: the standard error of the share is about 0.23 points.
	if math.Abs(got-100*want) > 1.2 {
		t.Errorf("share of draws over the workforce: %v%% in Notes, want %.3g%%; notes:\n%s", got, 100*want, strings.Join(h.Notes(), "\n"))
	}
	if c := h.Capped(); math.Abs(float64(c.TotalCapped)/float64(c.Draws)-want) > 0.012 {
		t.Errorf("Capped() = %+v, want about %.3g of draws with the total capped", c, want)
	}
	if _, hi := h.Total().Interval(); hi > W*(1+1e-12) {
		t.Errorf("total interval ends at %v, above the workforce %v", hi, W)
	}
	// Certain inputs that fit: no such note.
	h, err = workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total: estimate.Must(estimate.Point(1e6)), MonteCarlo: estimate.Options{Draws: 100},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range h.Notes() {
		if strings.Contains(n, "workforce cap") {
			t.Errorf("unexpected note %q", n)
		}
	}
}
