package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/finance"
	"github.com/exodus-lab/exodus/workforce"
	"github.com/exodus-lab/exodus/workforce/impact"
	"github.com/shopspring/decimal"
)

// buildCosts fills section 5 from the headcount: what the departures cost
// in a year, by sector, through package impact.
func buildCosts(ctx context.Context, rep *report, src *sourceList, cfg config, hc *workforce.Headcount) error {
	c := &rep.Costs
	if cfg.workforce != "" {
		c.Note = "not computed: the wages, value added and input–output table are Russia's, not those of " + cfg.workforce
		return nil
	}
	im, err := impact.Assess(ctx, hc, impact.Options{
		Year: cfg.costYear, Basis: cfg.costBasis, NoEconomyWide: cfg.noMultipliers, Seed: cfg.seed,
	})
	if err != nil {
		return fmt.Errorf("cost: %w", err)
	}
	c.Year, c.Basis, c.Method = im.Year(), im.Basis().String(), im.Method()
	c.EconomyWide = !cfg.noMultipliers
	src.cite(im.Sources()...) // every source is listed in section 1
	c.SourceRefs = src.cite(append([]exodus.Source{impact.WagesSource(), impact.GVASource(), impact.SUTSource()}, impact.DefaultRemoteShare().Sources()...)...)
	c.Notes = im.Notes()
	for _, s := range im.Sectors() {
		c.Sectors = append(c.Sectors, costRowOf(s))
	}
	t := im.Total()
	c.Total = costRowOf(t)
	c.ShareOfGDP = costShares{
		WageBill: figureOfImpact(im.ShareOfGDP(t.WageBill)), ValueAdded: figureOfImpact(im.ShareOfGDP(t.ValueAdded)),
		EconomyWide: figureOfImpact(im.ShareOfGDP(t.EconomyWide)),
	}
	c.GDP = im.GDP()

	// The totals in dollars, at the CBR rate in force on the last day of
	// the year the roubles are of. A year's average rate is not embedded.
	day := time.Date(c.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	cv, err := finance.DefaultRates().Exchange(finance.MustParseAmount("1000000000 RUB"), finance.USD, day)
	switch {
	case errors.Is(err, finance.ErrNoRate):
		c.USDNote = fmt.Sprintf("no USD rate is embedded for %d-12-31: roubles only", c.Year)
	case err != nil:
		return err
	default:
		r := cv.Rate.Inverse()
		c.USDRate = &rateAt{Rate: rateText(finance.USD, r.Decimal().StringFixedBank(4)), Date: cv.Rate.Date().Format(time.DateOnly), Basis: cv.Basis().String()}
		c.USDRefs = src.cite(cv.Sources()...)
		for _, f := range []*impactFigure{&c.Total.WageBill, &c.Total.ValueAdded, &c.Total.EconomyWide} {
			if f.Point == nil {
				continue
			}
			// Rounded to three significant figures before conversion: the
			// Monte Carlo figures carry no more.
			rub := finance.NewAmount(decimal.NewFromFloat(round3(*f.Point)), finance.RUB)
			usd, err := r.Inverse().Convert(rub)
			if err != nil {
				return err
			}
			f.USD = usd.Compact()
		}
	}
	for _, ind := range impact.Context() {
		c.Context = append(c.Context, assumption{Text: ind.String(), SourceRefs: src.cite(ind.Source)})
	}
	return nil
}

// round3 rounds v to three significant figures.
func round3(v float64) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	p := math.Pow(10, 2-math.Floor(math.Log10(math.Abs(v))))
	return math.Round(v*p) / p
}

func costRowOf(s impact.SectorImpact) costRow {
	row := costRow{
		People: figureOfImpact(s.People), Remote: figureOfImpact(s.Remote),
		WageBill: figureOfImpact(s.WageBill), ValueAdded: figureOfImpact(s.ValueAdded),
		EconomyWide: figureOfImpact(s.EconomyWide), Flag: s.Flag,
	}
	if s.Sector != 0 {
		row.Code, row.Title = s.Sector.String(), s.Sector.Title()
	}
	return row
}

// figureOfImpact copies an impact.Figure; a missing one is all null.
func figureOfImpact(f impact.Figure) impactFigure {
	if f.Missing() {
		return impactFigure{}
	}
	// The point comes from the headcount's point and the median remote
	// share, not from the draws: widen the interval to it where it falls
	// outside, so that no printed interval leaves out its point.
	lo, hi := math.Min(f.Lo, f.Point), math.Max(f.Hi, f.Point)
	return impactFigure{Point: &f.Point, Lo: &lo, Hi: &hi}
}
