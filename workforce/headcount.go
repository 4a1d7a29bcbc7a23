package workforce

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/estimate"
)

// DefaultYear is the year of the default workforce of [NewHeadcount]:
// [DefaultWorkforce](2022).
const DefaultYear = 2022

// DefaultLevel is the coverage level of the intervals of [NewHeadcount] when
// [Scenario].Level is 0.
const DefaultLevel = 0.90

// A Scenario describes who left, for [NewHeadcount]. Its zero value is not
// enough on its own: set Total or Share. Every other field has a documented
// default when left at its zero value.
type Scenario struct {
	// Total is the number of people who left. Set either Total or Share,
	// not both. Use [estimate.Point] for a plain number. The point result
	// uses its median; draws below zero count as zero, and draws above the
	// whole workforce as the workforce ([Headcount], "The workforce cap").
	Total estimate.Estimate
	// Share is the fraction of Base who left, such as 0.015 for Alfa Bank's
	// "about 1.5% of the workforce". The point result uses the medians of
	// Share and Base. The median must lie in [0, 1]; single draws outside
	// it (from a normal, say) are clamped to 0 or 1.
	Share estimate.Estimate
	// Base is the workforce that Share refers to, in persons. Zero means
	// [LabourForce] (Rosstat LFS, November 2022: 75.1 million) when
	// Workforce is the embedded Russian data (nil, or a table from
	// [DefaultWorkforce]), and the total employment of Workforce
	// ([Table.Total]) for any other table, so that a share of another
	// country's table is a share of that table;
	// [Headcount.Notes] say which base was used. Setting it without Share
	// is an error; its median must be positive, and draws below zero count
	// as zero. The people are spread over the Workforce table, which
	// counts the employed: with the defaults, 1.5% of the labour force is
	// 1.57% of each sector's employment, as the unemployed have no sector.
	Base estimate.Estimate

	// Workforce is the employment structure, in persons: rows are sector
	// codes ([Sector.String]), columns are exactly the skill levels "1" to
	// "4". Nil means [DefaultWorkforce]([DefaultYear]). To start from
	// occupations, aggregate with [Table.SkillLevels].
	Workforce *Table

	// Sectors is the emigrants' composition by sector: one share per row of
	// Workforce, in its order. The zero Composition means "the same as the
	// workforce".
	Sectors estimate.Composition
	// SectorFocus gives the shares of a few sectors only, such as
	// information and communication (J) at 27–45% of emigrants; the other
	// sectors share the rest in proportion to their workforce. In a draw
	// where the focus shares sum to more than 1 they are scaled down to 1
	// (and scaled up to 1 if every sector is in focus). Each sector must be
	// a row of Workforce, and each share's median must lie in [0, 1]
	// (single draws outside it are clamped). Set at most one of Sectors and
	// SectorFocus.
	SectorFocus map[Sector]estimate.Estimate
	// Profile is a sector profile of the emigrants built from sourced
	// shares and a rule for the rest, such as [DefaultSectorProfile]; the
	// zero SectorProfile means none. Set at most one of Sectors,
	// SectorFocus and Profile.
	Profile SectorProfile
	// ITMapping says how Profile's IT share, a share of an occupation,
	// becomes shares of sections. The zero value means [ITInInformation]:
	// all in J. Setting it without a Profile is an error.
	ITMapping ITMapping

	// Skills is the emigrants' composition by skill level 1–4 (four
	// shares). The zero Composition means "the same as the workforce"
	// (within each sector, when Sectors is set).
	Skills estimate.Composition
	// Bands is the emigrants' composition by broad skill band (three
	// shares: low, medium, high), an alternative to Skills for sources that
	// say "80% had a degree": within a band, levels follow the workforce.
	// Set at most one of Skills and Bands.
	Bands estimate.Composition

	// Destinations is the emigrants' composition by destination country,
	// for the destination views of the result ([Headcount.ByDestination]
	// and the By methods beside it; [DestinationMix] says how they are made). The
	// zero DestinationMix means none: the result is then exactly what it is
	// without the field.
	Destinations DestinationMix // destinations (issue 10)

	// Level is the coverage probability of the intervals; 0 means
	// [DefaultLevel] (90%).
	Level float64
	// MonteCarlo controls the simulation (draws, seed, workers, progress);
	// its zero value means the estimate package's defaults (100,000 draws,
	// seed 0, GOMAXPROCS workers). Results are reproducible for a given
	// Seed.
	MonteCarlo estimate.Options
}

// A Headcount is the result of [NewHeadcount]: emigrants by sector and skill
// level, as whole people that add up, with Monte Carlo intervals and each
// cell's share of its sector's workforce. It is immutable and safe for
// concurrent use. The zero Headcount is empty: no sectors (so every cell
// is outside the table), a total of 0 whose interval and summary are NaN,
// and a nil [Headcount.Workforce]. Every method of a nil *Headcount
// behaves as on the zero Headcount, never panicking, except
// [Headcount.MarshalJSON], whose receiver is a value so that a struct field
// of type Headcount marshals: encoding/json writes null for a nil
// *Headcount without calling it.
//
// Point results are integers: every cell, every sector, skill-level and
// band total and the grand total, which add up exactly. Each of them is
// one of the two whole numbers next to its unrounded value
// ([Count].Expected): the sector × band table is rounded first, then
// the high band is split between levels 3 and 4, so that a band given as
// 80% of 5 people is 4, not 5.
//
// # Intervals
//
// [Count.Interval] returns equal-tailed quantiles of the unrounded
// simulated counts. Every output of the package prints them as whole
// people instead ([Count.Range]): the whole
// numbers around the interval (rounded outward), widened to include the
// printed count where it lies outside, so that every printed interval
// encloses its count. With point inputs every draw gives the same
// unrounded count, such as 12665.8, and the range is 12665–12666 around
// the count 12666. With uncertain inputs the point result comes from the
// inputs' medians and the compositions' means rather than from the draws,
// so it can fall outside the draws' interval, most often for a small cell;
// the widening then shows it.
//
// # The workforce cap
//
// No draw and no point result puts more people in a sector, or in a
// sector at one skill level, than work there. In each draw (and in the
// point result) the joint table is computed from the drawn total and
// compositions; a cell above its workforce is then set to its workforce
// and the excess goes to the other sectors' cells at the same skill level,
// in proportion to the people still working there (workforce less
// emigrants), which keeps the skill composition; should a whole level be
// full, what remains goes to every cell with room, in proportion to its
// room. A drawn total above the whole workforce is capped at it, so that
// everyone in the table leaves. The point result is capped at whole
// people (the whole part of each workforce cell). The cap moves people
// against the drawn composition, so [Headcount.Capped] and
// [Headcount.Notes] say how often it acted and in which sectors: a
// scenario that needs it often asks for more emigrants from a sector than
// it has. A point total and a range total follow the same rule; only a
// point result (a median total) above the whole workforce is an error.
//
// # Memory
//
// A run of a fixed number of draws keeps the cells of every draw (8 bytes
// per cell and draw: 84 cells for the default workforce, 672 MB at 10⁶
// draws) and, with destinations, the destination shares of every draw.
// Every other output (sector, skill-level and band totals, the destination
// views) is computed from them, draw by draw and bit for bit as the
// simulation computes it, when first asked for; each interval is then
// remembered. A Summary method makes one pass over the draws and its
// result holds 8 bytes per draw. An adaptive run (MonteCarlo.Tolerance)
// keeps every output of every draw instead.
type Headcount struct {
	sectors   []Sector
	rowOf     [NumSectors + 1]int // index+1 of each sector's row; 0 if absent
	cells     []int64             // rows × 4
	expected  []float64           // unrounded point counts
	total     int64
	workforce *Table
	wfRows    []float64
	res       *estimate.Result
	level     float64
	sources   []exodus.Source
	notes     []string
	dest      *destViews // destinations (issue 10): destination_views.go
	store     *drawStore // the draws of a fixed-size run; nil: res has every output
	capped    CapReport  // without Draws, which come from res
}

// NewHeadcount turns a total or a workforce share into emigrants by sector
// and skill level: it runs the scenario's Monte Carlo simulation and
// returns the [Headcount], whose figures are [Count] values. (It was
// called Headcounts before v0.1.0.)
//
// The joint sector × skill composition P is:
//
//   - the workforce's own structure when neither Sectors nor Skills (or
//     Bands) is given;
//   - the given sector shares, each split by skill like that sector's
//     workforce, when only Sectors is given (likewise for skills alone);
//   - the workforce table fitted by IPF ([Fit]) to both margins when both
//     are given: the emigrants keep the workforce's sector–skill
//     association.
//
// The point result uses the median of each scalar input (Total, or Share
// times Base) rounded half away from zero, and the mean of each
// composition; its cells are N·P rounded by [ControlledRound], so cells,
// margins and total are whole and add up to N exactly. The intervals come
// from scenario.MonteCarlo draws of every input, each recomputing P and
// N·P (a per-draw fit stops at a relative error of 1e-9 or after 500
// iterations, far below the Monte Carlo noise; in a draw whose shares no
// table with the workforce's empty cells can meet, the last iterate stands).
//
// Errors name the bad value and wrap [ErrBadValue] (no total or share,
// both, a negative or huge total, a share whose median is outside [0, 1],
// a base whose median is not positive, a bad level, Destinations with
// MonteCarlo.Stream), [ErrShape] (a composition of the wrong length, a
// workforce table that is not sector × skill level; a table by occupation
// converts with [Table.SkillLevels], and the error says so),
// [ErrUnknownCode] (a workforce row that is not a sector, a
// SectorFocus sector that is not a workforce row), [ErrMissing] (a missing
// workforce cell), [ErrInfeasible] (a share for a sector or level with no
// workforce, or sector and skill compositions that no table with the
// workforce's empty cells can meet), [ErrExceedsWorkforce] (a point total
// above the whole workforce, in whole people; the error names the count
// and the workforce), or come from the estimate package (invalid inputs,
// ctx cancelled).
//
// Counts above a sector's or a cell's workforce, in the point result or in
// single draws, are capped as [Headcount] describes ("The workforce cap");
// [Headcount.Capped] and [Headcount.Notes] say how often.
func NewHeadcount(ctx context.Context, sc Scenario) (*Headcount, error) {
	return headcounts(ctx, sc, false)
}

// headcounts is NewHeadcount; eager keeps every output of the run in its
// result instead of a drawStore (the reference in tests).
func headcounts(ctx context.Context, sc Scenario, eager bool) (*Headcount, error) {
	p, err := prepare(sc)
	if err != nil {
		return nil, err
	}
	p.eager = eager
	dp, err := planDestinations(p.sc, p.sectors) // destinations (issue 10)
	if err != nil {
		return nil, err
	}
	h, err := p.point()
	if err != nil {
		return nil, err
	}
	var cc *capCounts
	if h.res, h.store, cc, err = p.simulate(ctx); err != nil {
		return nil, err
	}
	note := fmt.Sprintf("Monte Carlo: %d draws, seed %d; intervals equal-tailed at %g%%", h.res.Draws(), p.sc.MonteCarlo.Seed, 100*p.level)
	if !h.res.Converged() {
		note += "; the adaptive run reached MaxDraws before its tolerance"
	}
	h.notes = append(h.notes, note)
	h.capped.Capped, h.capped.TotalCapped = int(cc.any.Load()), int(cc.total.Load())
	for i, s := range p.sectors {
		if n := cc.rows[i].Load(); n > 0 {
			if h.capped.Sectors == nil {
				h.capped.Sectors = map[Sector]int{}
			}
			h.capped.Sectors[s] = int(n)
		}
	}
	if cc.any.Load() > 0 || cc.total.Load() > 0 {
		h.notes = append(h.notes, p.capNote(cc, h.res.Draws()))
	}
	if err := dp.apply(ctx, h, p.sc.MonteCarlo); err != nil { // destinations (issue 10)
		return nil, err
	}
	return h, nil
}

// people formats a number of people: whole, or to a tenth.
func people(x float64) string {
	if x == math.Round(x) {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'f', 1, 64)
}

// plan is a validated scenario.
type plan struct {
	sc       Scenario
	level    float64
	wf       *Table
	sectors  []Sector
	r        int
	w        []float64 // workforce cells, row-major r×4
	wRow     []float64
	wCol     [NumSkillLevels]float64
	wTot     float64
	hasSec   bool
	profile  *profilePlan // nil without a Profile
	focus    []int        // rows in focus, in row order (SectorFocus)
	focusEst []estimate.Estimate
	hasSkill bool // Skills or Bands
	bands    bool
	notes    []string
	sources  []exodus.Source
	eager    bool // keep every output in the result (tests)
}

func prepare(sc Scenario) (*plan, error) {
	p := &plan{sc: sc, level: sc.Level}
	if p.level == 0 {
		p.level = DefaultLevel
	}
	if !(p.level > 0 && p.level < 1) {
		return nil, fmt.Errorf("workforce: headcounts: level %v: must be in (0, 1): %w", sc.Level, ErrBadValue)
	}
	switch {
	case sc.Total.IsZero() && sc.Share.IsZero():
		return nil, fmt.Errorf("workforce: headcounts: set Total or Share: %w", ErrBadValue)
	case !sc.Total.IsZero() && !sc.Share.IsZero():
		return nil, fmt.Errorf("workforce: headcounts: set Total or Share, not both: %w", ErrBadValue)
	case !sc.Total.IsZero() && !sc.Base.IsZero():
		return nil, fmt.Errorf("workforce: headcounts: Base is used only with Share: %w", ErrBadValue)
	case !sc.Total.IsZero():
		p.sources = append(p.sources, sc.Total.Sources()...)
		p.notes = append(p.notes, "total: "+describe(sc.Total))
	default:
		if m := sc.Share.Median(); !(m >= 0 && m <= 1) {
			return nil, fmt.Errorf("workforce: headcounts: Share %v: median %v outside [0, 1]: %w", sc.Share, m, ErrBadValue)
		}
		if m := sc.Base.Median(); !sc.Base.IsZero() && !(m > 0 && m <= maxExact) {
			return nil, fmt.Errorf("workforce: headcounts: Base %v: median %v not in (0, 2^53]: %w", sc.Base, m, ErrBadValue)
		}
		p.sources = append(p.sources, sc.Share.Sources()...)
		// The note and the base's sources follow once the workforce is known,
		// since a zero Base defaults to it.
	}
	wf := sc.Workforce
	if wf == nil {
		var err error
		if wf, err = DefaultWorkforce(DefaultYear); err != nil {
			return nil, err
		}
		p.notes = append(p.notes, fmt.Sprintf("workforce: default %d (Rosstat section totals, ILOSTAT occupation mix within sections, ISCO-08 groups mapped to ILO skill levels, managers split evenly between levels 3 and 4)", DefaultYear))
	}
	if err := p.setWorkforce(wf); err != nil {
		return nil, err
	}
	if !sc.Share.IsZero() {
		switch {
		case !sc.Base.IsZero():
		case sc.Workforce == nil || sc.Workforce.russia:
			base, _ := estimate.Point(LabourForce())
			p.sc.Base = base.Named("labour force, November 2022").WithSources(LabourForceSource())
		default:
			base, err := estimate.Point(p.wTot)
			if err != nil {
				return nil, fmt.Errorf("workforce: headcounts: Base from the workforce total %v: %w", p.wTot, ErrBadValue)
			}
			p.sc.Base = base.Named("total employment of Workforce")
		}
		p.sources = append(p.sources, p.sc.Base.Sources()...)
		// The total comes first in the notes, as for Total.
		p.notes = slices.Insert(p.notes, 0, "total: share "+describe(sc.Share)+" of base "+describe(p.sc.Base))
	}
	p.sources = append(p.sources, wf.Sources()...)
	if err := p.setCompositions(); err != nil {
		return nil, err
	}
	return p, nil
}

func describe(e estimate.Estimate) string {
	s := e.String()
	if n := e.Name(); n != "" {
		s = n + " = " + s
	}
	return s
}

// columnHint says how to turn a workforce table with the columns cols into
// one by skill level: the remedy, not only the mismatch.
func columnHint(cols []string) string {
	occupations, skills := len(cols) > 0, true
	for _, c := range cols {
		if _, err := ParseOccupation(c); err != nil {
			occupations = false
		}
		if _, err := ParseSkillLevel(c); err != nil {
			skills = false
		}
	}
	if skills && occupations {
		return "put the four skill levels in that order"
	}
	if occupations {
		return "these are ISCO-08 occupation groups: convert the table with Table.SkillLevels(SkillMap{}) first"
	}
	return "a table by ISCO-08 major group (columns 0-9) converts with Table.SkillLevels"
}

// shortList quotes at most the first five labels of cols.
func shortList(cols []string) string {
	if len(cols) <= 5 {
		return fmt.Sprintf("%q", cols)
	}
	return fmt.Sprintf("%q and %d more", cols[:5], len(cols)-5)
}

func (p *plan) setWorkforce(wf *Table) error {
	r, c := wf.Dims()
	if c != NumSkillLevels || !slices.Equal(wf.cols, []string{"1", "2", "3", "4"}) {
		return fmt.Errorf("workforce: headcounts: workforce columns %s: want ILO skill levels 1, 2, 3, 4; %s: %w", shortList(wf.cols), columnHint(wf.cols), ErrShape)
	}
	if r == 0 {
		return fmt.Errorf("workforce: headcounts: workforce has no rows: %w", ErrShape)
	}
	if k := slices.IndexFunc(wf.v, math.IsNaN); k >= 0 {
		return fmt.Errorf("workforce: headcounts: workforce cell (%q, %q) is missing: %w", wf.rows[k/c], wf.cols[k%c], ErrMissing)
	}
	p.sectors = make([]Sector, r)
	for i, l := range wf.rows {
		s, err := ParseSector(l)
		if err != nil {
			return nest(err, "workforce: headcounts: workforce row")
		}
		if slices.Contains(p.sectors[:i], s) {
			return fmt.Errorf("workforce: headcounts: workforce row %q repeats sector %v: %w", l, s, ErrUnknownCode)
		}
		p.sectors[i] = s
	}
	p.wf, p.r, p.w = wf, r, wf.v
	p.wRow = wf.RowTotals()
	for k, x := range wf.v {
		p.wCol[k%c] += x
	}
	p.wTot = wf.Total()
	if !(p.wTot > 0) || math.IsInf(p.wTot, 1) {
		return fmt.Errorf("workforce: headcounts: workforce total is %v: %w", wf.Total(), ErrBadValue)
	}
	return nil
}

func (p *plan) setCompositions() error {
	sc := p.sc
	if sc.Sectors.Len() > 0 && !sc.Profile.IsZero() {
		return fmt.Errorf("workforce: headcounts: set Sectors or Profile, not both: %w", ErrBadValue)
	}
	if n := sc.Sectors.Len(); n > 0 {
		if n != p.r {
			return fmt.Errorf("workforce: headcounts: %d sector shares for %d workforce rows: %w", n, p.r, ErrShape)
		}
		for i, x := range p.wRow {
			if x == 0 {
				return fmt.Errorf("workforce: headcounts: sector %v has no workforce to leave: %w", p.sectors[i], ErrInfeasible)
			}
		}
		p.hasSec = true
		p.sources = append(p.sources, sc.Sectors.Sources()...)
		p.notes = append(p.notes, "sector composition: "+nameOr(sc.Sectors.Name(), "given"))
	} else if !sc.Profile.IsZero() {
		if len(sc.SectorFocus) > 0 {
			return fmt.Errorf("workforce: headcounts: set SectorFocus or Profile, not both: %w", ErrBadValue)
		}
		if m := sc.Profile.it.Median(); !(m >= 0 && m <= 1) {
			return fmt.Errorf("workforce: headcounts: sector profile: IT share %v: median %v outside [0, 1]: %w", sc.Profile.it, m, ErrBadValue)
		}
		if err := p.setProfile(); err != nil {
			return err
		}
		p.hasSec = true
		p.sources = append(p.sources, sc.Profile.Sources()...)
	} else if len(sc.SectorFocus) == 0 && sc.Skills.Len() == 0 && sc.Bands.Len() == 0 {
		p.notes = append(p.notes, "sector composition: same as the workforce")
	} else if len(sc.SectorFocus) == 0 {
		// Issue 9: with a skill composition, the sectors follow it.
		p.notes = append(p.notes, "sector composition: not given; each skill level's emigrants spread over the sectors as that level's workforce, so sectors follow the skill composition")
	}
	if sc.Profile.IsZero() && sc.ITMapping != 0 && sc.ITMapping != ITInInformation {
		return fmt.Errorf("workforce: headcounts: ITMapping %v without a Profile: %w", sc.ITMapping, ErrBadValue)
	}
	if len(sc.SectorFocus) > 0 {
		if p.hasSec {
			return fmt.Errorf("workforce: headcounts: set Sectors or SectorFocus, not both: %w", ErrBadValue)
		}
		var parts []string
		for i, s := range p.sectors {
			e, ok := sc.SectorFocus[s]
			if !ok {
				continue
			}
			if e.IsZero() {
				return fmt.Errorf("workforce: headcounts: sector focus %v: zero Estimate: %w", s, ErrBadValue)
			}
			if m := e.Median(); !(m >= 0 && m <= 1) {
				return fmt.Errorf("workforce: headcounts: sector focus %v = %v: median %v outside [0, 1]: %w", s, e, m, ErrBadValue)
			}
			if p.wRow[i] == 0 {
				return fmt.Errorf("workforce: headcounts: sector %v has no workforce to leave: %w", s, ErrInfeasible)
			}
			p.focus = append(p.focus, i)
			p.focusEst = append(p.focusEst, e)
			p.sources = append(p.sources, e.Sources()...)
			parts = append(parts, s.String()+" "+describe(e))
		}
		if len(p.focus) != len(sc.SectorFocus) {
			for _, s := range slices.Sorted(maps.Keys(sc.SectorFocus)) { // the first, whatever the map order
				if !slices.Contains(p.sectors, s) {
					return fmt.Errorf("workforce: headcounts: sector focus %v is not a workforce row: %w", s, ErrUnknownCode)
				}
			}
		}
		p.hasSec = true
		p.notes = append(p.notes, "sector composition: "+strings.Join(parts, "; ")+"; other sectors in proportion to their workforce")
	}
	if sc.Skills.Len() > 0 && sc.Bands.Len() > 0 {
		return fmt.Errorf("workforce: headcounts: set Skills or Bands, not both: %w", ErrBadValue)
	}
	switch {
	case sc.Skills.Len() > 0:
		if sc.Skills.Len() != NumSkillLevels {
			return fmt.Errorf("workforce: headcounts: %d skill shares, want 4: %w", sc.Skills.Len(), ErrShape)
		}
		p.hasSkill = true
		p.sources = append(p.sources, sc.Skills.Sources()...)
		p.notes = append(p.notes, "skill composition: "+nameOr(sc.Skills.Name(), "given"))
	case sc.Bands.Len() > 0:
		if sc.Bands.Len() != NumBands {
			return fmt.Errorf("workforce: headcounts: %d band shares, want 3: %w", sc.Bands.Len(), ErrShape)
		}
		p.hasSkill, p.bands = true, true
		p.sources = append(p.sources, sc.Bands.Sources()...)
		p.notes = append(p.notes, "skill composition: by band, "+nameOr(sc.Bands.Name(), "given")+"; levels within a band as in the workforce")
	default:
		p.notes = append(p.notes, "skill composition: same as the workforce")
	}
	if p.hasSkill {
		for k, x := range p.wCol {
			if x == 0 {
				return fmt.Errorf("workforce: headcounts: skill level %d has no workforce to leave: %w", k+1, ErrInfeasible)
			}
		}
	}
	if p.hasSec && p.hasSkill {
		p.notes = append(p.notes, "joint table: workforce fitted to both margins by iterative proportional fitting")
	}
	return nil
}

func nameOr(name, alt string) string {
	if name == "" {
		return alt
	}
	return name
}

// ipf tolerances: the point fit is tight, the per-draw fits need only be
// well below the Monte Carlo noise.
const (
	pointTol = 1e-12
	drawTol  = 1e-9
	drawIter = 500
)

// joint writes total·P into x (r×4) for the given total and margins (nil
// for "as the workforce"), using buf (4 elements). It returns the fit
// report when it fits.
func (p *plan) joint(x []float64, total float64, sec, skill []float64, s *drawBuf, tol float64, maxIter int) FitReport {
	c := NumSkillLevels
	wt := p.wTot
	switch {
	case sec == nil && skill == nil:
		for k, v := range p.w {
			x[k] = total * v / wt
		}
	case skill == nil:
		for i := range p.r {
			for j := range c {
				x[i*c+j] = total * sec[i] * p.w[i*c+j] / p.wRow[i]
			}
		}
	case sec == nil:
		for k, v := range p.w {
			x[k] = total * skill[k%c] * v / p.wCol[k%c]
		}
	default:
		copy(x, p.w)
		rows, cols := s.rows, s.cols
		for i := range rows {
			rows[i] = total * sec[i]
		}
		for j := range cols {
			cols[j] = total * skill[j]
		}
		return fit2(x, p.r, c, rows, cols, tol, maxIter, s.buf)
	}
	return FitReport{Converged: true}
}

// focusShares fills dst (one per row) from the focus sectors' shares f.
func (p *plan) focusShares(dst, f []float64) {
	clear(dst)
	sum := 0.0
	for k, i := range p.focus {
		x := math.Min(math.Max(f[k], 0), 1)
		dst[i] = x
		sum += x
	}
	rest := 0.0
	for i, w := range p.wRow {
		if !slices.Contains(p.focus, i) {
			rest += w
		}
	}
	if sum > 1 || (rest == 0 && sum > 0) {
		for _, i := range p.focus {
			dst[i] /= sum
		}
		sum = 1
	}
	if rest == 0 {
		return
	}
	for i, w := range p.wRow {
		if !slices.Contains(p.focus, i) {
			dst[i] = (1 - sum) * w / rest
		}
	}
}

// levelShares turns band shares into skill-level shares in dst.
func (p *plan) levelShares(dst, bands []float64) {
	for _, k := range SkillLevels() {
		b := k.Band()
		var wb float64
		for _, l := range b.SkillLevels() {
			wb += p.wCol[l-1]
		}
		dst[k-1] = bands[b-1] * p.wCol[k-1] / wb
	}
}

func (p *plan) point() (*Headcount, error) {
	var total float64
	if !p.sc.Total.IsZero() {
		total = p.sc.Total.Median()
	} else {
		total = math.Min(math.Max(p.sc.Share.Median(), 0), 1) * p.sc.Base.Median()
	}
	n := math.Round(total)
	if !(n >= 0 && n <= maxExact) {
		return nil, fmt.Errorf("workforce: headcounts: total %v: outside [0, 2^53]: %w", total, ErrBadValue)
	}
	var sec, skill []float64
	switch {
	case p.profile != nil:
		sec = make([]float64, p.r)
		p.profileShares(sec, p.sc.Profile.it.Median(), p.sc.Profile.scale.Median())
	case len(p.focus) > 0:
		f := make([]float64, len(p.focus))
		for k, e := range p.focusEst {
			f[k] = e.Median()
		}
		sec = make([]float64, p.r)
		p.focusShares(sec, f)
	case p.hasSec:
		sec = p.sc.Sectors.Mean()
	}
	if p.hasSkill {
		skill = make([]float64, NumSkillLevels)
		if p.bands {
			p.levelShares(skill, p.sc.Bands.Mean())
		} else {
			copy(skill, p.sc.Skills.Mean())
		}
	}
	x := make([]float64, p.r*NumSkillLevels)
	if sec != nil && skill != nil && n > 0 {
		rows, cols := make([]float64, p.r), make([]float64, NumSkillLevels)
		for i, v := range sec {
			rows[i] = v * n
		}
		for j, v := range skill {
			cols[j] = v * n
		}
		if !reachable2(p.w, p.r, NumSkillLevels, rows, cols) {
			return nil, fmt.Errorf("workforce: headcounts: no table with the workforce's empty cells has both the sector and the skill composition: %w", ErrInfeasible)
		}
	}
	rep := p.joint(x, n, sec, skill, p.newBuf(), pointTol, 10000)
	if !rep.Converged {
		return nil, fmt.Errorf("workforce: headcounts: fitting the workforce to both compositions: error %.3g after %d iterations: %w", rep.MaxError, rep.Iterations, ErrNotConverged)
	}
	if p.hasSec && p.hasSkill {
		p.notes = append(p.notes, fmt.Sprintf("point fit: %d iterations, margin error %.2g of the total", rep.Iterations, rep.MaxError))
	}
	// Make the real table sum to n exactly before rounding, against float drift.
	if s := floatSum(x); s > 0 {
		for k := range x {
			x[k] *= n / s
		}
	}
	// The workforce cap, at whole people: a cell of at most floor(w)
	// people rounds to at most floor(w).
	bound := make([]float64, len(p.w))
	var room kahan
	for k, v := range p.w {
		bound[k] = math.Floor(snap(v))
		room.add(bound[k])
	}
	if n > room.value() {
		return nil, fmt.Errorf("workforce: headcounts: %s people leave, but the workforce has %s (%s whole people in its cells): %w",
			people(total), people(p.wTot), people(room.value()), ErrExceedsWorkforce)
	}
	hit := make([]bool, p.r)
	var capped CapReport
	if capped.PointMoved = capCells(x, bound, p.r, hit); capped.PointMoved > 0 {
		var names []string
		for i, s := range p.sectors {
			if hit[i] {
				capped.PointSectors = append(capped.PointSectors, s)
				names = append(names, s.String())
			}
		}
		if len(names) > 0 {
			p.notes = append(p.notes, fmt.Sprintf("workforce cap, point result: more people than work there in %s; capped at the workforce, %s people moved to the same skill level of other sectors, in proportion to the people still there",
				strings.Join(names, ", "), people(math.Round(capped.PointMoved))))
		} else {
			capped.PointMoved = 0 // floating-point noise only
		}
	}
	cells, err := roundByBand(x, p.r, p.wf.rows, p.wf.cols)
	if err != nil {
		return nil, nest(err, "workforce: headcounts")
	}
	if got := sumInts(cells); got != int64(n) { // cannot happen: rounding keeps the whole total
		return nil, fmt.Errorf("workforce: headcounts: rounded cells sum to %d, not %d: %w", got, int64(n), ErrInfeasible)
	}
	h := &Headcount{
		sectors:   p.sectors,
		cells:     cells,
		expected:  x,
		total:     int64(n),
		workforce: p.wf,
		wfRows:    p.wRow,
		level:     p.level,
		sources:   dedupe(p.sources),
		notes:     p.notes,
		capped:    capped,
	}
	for i, s := range p.sectors {
		h.rowOf[s] = i + 1
	}
	return h, nil
}

// floatSum is the compensated sum of x, accurate to about one unit in the
// last place.
func floatSum(x []float64) float64 {
	var s kahan
	for _, v := range x {
		s.add(v)
	}
	return s.value()
}

func sumInts(x []int64) int64 {
	var s int64
	for _, v := range x {
		s += v
	}
	return s
}

func dedupe(src []exodus.Source) []exodus.Source {
	var out []exodus.Source
	for _, s := range src {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// Output layout of the simulation: cells (r×4), sector totals (r), skill
// totals (4), band totals (3), grand total (1).
func (p *plan) outputs() int { return p.r*NumSkillLevels + p.r + NumSkillLevels + NumBands + 1 }

type drawBuf struct {
	x, sec, f, skill, rows, cols, buf []float64
	hit                               []bool
}

func (p *plan) newBuf() *drawBuf {
	c := NumSkillLevels
	return &drawBuf{x: make([]float64, p.r*c), sec: make([]float64, p.r), f: make([]float64, len(p.focus)), skill: make([]float64, c), rows: make([]float64, p.r), cols: make([]float64, c), buf: make([]float64, c), hit: make([]bool, p.r)}
}

// simulate runs the draws. A run of a fixed number of draws keeps only
// the cells of every draw, in the returned drawStore, and the drawn total
// as the result's one output; an adaptive or streaming run returns every
// output in the result and a nil drawStore.
func (p *plan) simulate(ctx context.Context) (*estimate.Result, *drawStore, *capCounts, error) {
	m := estimate.NewModel()
	var total, share, base estimate.Var
	useTotal := !p.sc.Total.IsZero()
	if useTotal {
		total = m.Input(p.sc.Total)
	} else {
		share = m.Input(p.sc.Share)
		base = m.Input(p.sc.Base)
	}
	var secV, skillV estimate.Vec
	focusV := make([]estimate.Var, len(p.focusEst))
	for k, e := range p.focusEst {
		focusV[k] = m.Input(e)
	}
	var itV, scaleV estimate.Var
	if p.profile != nil {
		itV, scaleV = m.Input(p.sc.Profile.it), m.Input(p.sc.Profile.scale)
	}
	if p.hasSec && len(p.focus) == 0 && p.profile == nil {
		secV = m.Shares(p.sc.Sectors)
	}
	if p.hasSkill {
		if p.bands {
			skillV = m.Shares(p.sc.Bands)
		} else {
			skillV = m.Shares(p.sc.Skills)
		}
	}
	c := NumSkillLevels
	cc := &capCounts{rows: make([]atomic.Int64, p.r)}
	var st *drawStore
	mc := p.sc.MonteCarlo
	if mc.Tolerance == 0 && !mc.Stream && mc.Draws >= 0 && !p.eager {
		draws := mc.Draws
		if draws == 0 {
			draws = estimate.DefaultDraws
		}
		// Beyond Run's own bound on memory, Run reports the error.
		if float64(draws)*float64(p.r*c)*8 <= 1<<40 {
			st = newDrawStore(draws, p.r, mc)
		}
	}
	pool := sync.Pool{New: func() any { return p.newBuf() }}
	f := func(d *estimate.Draw, out []float64) {
		b := pool.Get().(*drawBuf)
		defer pool.Put(b)
		var t float64
		if useTotal {
			t = math.Max(d.Value(total), 0)
		} else {
			t = math.Min(math.Max(d.Value(share), 0), 1) * math.Max(d.Value(base), 0)
		}
		if t > p.wTot {
			t = p.wTot
			cc.total.Add(1)
		}
		var sec, skill []float64
		switch {
		case p.profile != nil:
			sec = b.sec
			p.profileShares(sec, d.Value(itV), d.Value(scaleV))
		case len(p.focus) > 0:
			for k, v := range focusV {
				b.f[k] = d.Value(v)
			}
			sec = b.sec
			p.focusShares(sec, b.f)
		case p.hasSec:
			sec = d.Shares(secV)
		}
		if p.hasSkill {
			skill = b.skill
			if p.bands {
				p.levelShares(skill, d.Shares(skillV))
			} else {
				copy(skill, d.Shares(skillV))
			}
		}
		p.joint(b.x, t, sec, skill, b, drawTol, drawIter)
		x := b.x
		hit := b.hit
		clear(hit)
		capCells(x, p.w, p.r, hit)
		if st != nil {
			out[0] = t
			for _, v := range x {
				if v-v != 0 { // NaN or ±Inf: Run reports it
					out[0] = v
				}
			}
			copy(st.draw(d.Index()), x)
			countCaps(cc, hit)
			return
		}
		copy(out, x)
		rows := out[p.r*c : p.r*c+p.r]
		cols := out[p.r*c+p.r : p.r*c+p.r+c]
		bands := out[p.r*c+p.r+c : p.r*c+p.r+c+NumBands]
		clear(out[p.r*c:])
		for k, v := range x {
			rows[k/c] += v
			cols[k%c] += v
		}
		for j, v := range cols {
			bands[SkillLevel(j+1).Band()-1] += v
		}
		out[len(out)-1] = t
		countCaps(cc, hit)
	}
	outputs := p.outputs()
	if st != nil {
		outputs = 1
	}
	res, err := m.Run(ctx, outputs, f, p.sc.MonteCarlo)
	if err != nil && !errors.Is(err, estimate.ErrNotConverged) {
		return nil, nil, nil, fmt.Errorf("workforce: headcounts: %w", err)
	}
	if st != nil {
		// A point that carries the run's sources, for the summaries made
		// from the store.
		src, err := estimate.Point(0)
		if err != nil {
			return nil, nil, nil, err
		}
		st.src = src.WithSources(res.Sources()...)
	}
	return res, st, cc, nil
}

// countCaps counts a draw in which the workforce cap acted.
func countCaps(cc *capCounts, hit []bool) {
	anyHit := false
	for i, h := range hit {
		if h {
			cc.rows[i].Add(1)
			anyHit = true
		}
	}
	if anyHit {
		cc.any.Add(1)
	}
}

// orZero returns h, or the zero Headcount when h is nil, so that every
// method of a nil *Headcount behaves as on the zero Headcount.
func (h *Headcount) orZero() *Headcount {
	if h == nil {
		return &Headcount{}
	}
	return h
}

// Sectors returns the sectors of the table, in the workforce's row order.
func (h *Headcount) Sectors() []Sector {
	h = h.orZero()
	return slices.Clone(h.sectors)
}

func (h *Headcount) row(s Sector) int {
	if !s.Valid() {
		return -1
	}
	return h.rowOf[s] - 1
}

// Table returns the whole-number headcounts as a Table: rows are the
// sectors, columns the skill levels "1" to "4". It carries the sources.
// The zero Headcount gives the empty (0×0) table.
func (h *Headcount) Table() *Table {
	h = h.orZero()
	v := make([]float64, len(h.cells))
	for k, n := range h.cells {
		v[k] = float64(n)
	}
	if h.workforce == nil { // the zero Headcount: the empty table
		return newTableOwned(nil, nil, nil, nil)
	}
	return newTableOwned(h.workforce.rows, h.workforce.cols, v, slices.Clone(h.sources))
}

// Level returns the coverage level of the intervals, such as 0.9.
func (h *Headcount) Level() float64 {
	h = h.orZero()
	return h.level
}

// Draws returns the number of Monte Carlo draws made.
func (h *Headcount) Draws() int {
	h = h.orZero()
	if h.res == nil {
		return 0
	}
	return h.res.Draws()
}

// output returns the summary of output o; the zero Summary for the zero
// Headcount.
func (h *Headcount) output(o int) estimate.Summary {
	if h.res == nil {
		return estimate.Summary{}
	}
	if h.store != nil {
		if o == h.totalOutput() {
			return h.res.Output(0)
		}
		return h.store.summary(o, false)
	}
	return h.res.Output(o)
}

// totalOutput is the index of the grand total among the outputs.
func (h *Headcount) totalOutput() int {
	return len(h.cells) + len(h.sectors) + NumSkillLevels + NumBands
}

func (h *Headcount) interval(o int) (lo, hi float64) {
	if h.store != nil && o != h.totalOutput() {
		return h.store.interval(o, false, h.level)
	}
	return h.output(o).Interval(h.level)
}

// Workforce returns the sector × skill-level workforce the headcounts were
// computed on, in persons.
func (h *Headcount) Workforce() *Table {
	h = h.orZero()
	return h.workforce
}

// Sources returns the sources of every input, without duplicates.
func (h *Headcount) Sources() []exodus.Source {
	h = h.orZero()
	return slices.Clone(h.sources)
}

// Notes returns the provenance of the result, one line per step: where the
// total, the workforce and each composition came from and how the joint
// table was made.
func (h *Headcount) Notes() []string {
	h = h.orZero()
	return slices.Clone(h.notes)
}

// String returns a one-line summary: the total, its interval at
// [Headcount.Level] as the total's [Count.Range] gives it (whole people
// around the interval, enclosing the total: a Total of 2.5 prints
// "3 people (90%: 2–3)"), and the count in each skill band. For 1.5% of
// the default labour force it is
//
//	1126500 people (90%: 1126500–1126500), low skill 91609, medium skill 549033, high skill 485858
//
// The zero Headcount, which has no draws and so no interval, prints
// "0 people, low skill 0, medium skill 0, high skill 0".
func (h *Headcount) String() string {
	h = h.orZero()
	var b strings.Builder
	fmt.Fprintf(&b, "%d people", h.total)
	if h.res != nil {
		lo, hi := h.Total().Range()
		fmt.Fprintf(&b, " (%g%%: %d–%d)", 100*h.level, lo, hi)
	}
	for _, band := range Bands() {
		fmt.Fprintf(&b, ", %s skill %d", band, h.ByBand(band).N)
	}
	return b.String()
}
