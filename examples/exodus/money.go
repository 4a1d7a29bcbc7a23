package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/exodus-lab/exodus/finance"
	"github.com/shopspring/decimal"
)

// The withdrawal is a flow over February 2022, so the report converts it at
// the average official rate of that month, each calendar day at the rate in
// force that day (IMF, Balance of Payments and International Investment
// Position Manual, 6th edition, §3.103: flows at the average rate of the
// period when the transactions' own days are not known).
var (
	periodStart = time.Date(2022, 2, 1, 0, 0, 0, 0, time.UTC)
	periodEnd   = time.Date(2022, 2, 28, 0, 0, 0, 0, time.UTC)
)

// weighting says how the period's average is made.
const weighting = "calendar-day weighted: each of the 28 days of February 2022 at the CBR rate in force that day " +
	"(a rate dated Saturday is in force until Monday and counts three times)"

// articleDay is the date the rates implied by the article's "£12bn / $15bn"
// carry (see finance.ArticleRates).
var articleDay = time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)

// article is what the article printed for the withdrawal.
var articleFigures = []struct {
	cur  finance.Currency
	text string
	bn   int64 // the printed figure, in billions
}{{finance.USD, "$15bn", 15}, {finance.GBP, "£12bn", 12}}

var moneyCurrencies = []finance.Currency{finance.USD, finance.GBP, finance.EUR, finance.CNY}

func buildMoney(rep *report, src *sourceList, cfg config, in inputs) error {
	amount, err := finance.ParseAmount("1.2 trillion RUB")
	if err != nil {
		return err
	}
	m := &rep.Money
	m.Amount, m.Compact, m.SourceRefs = amount, amount.Compact(), src.cite(srcCBRWithdrawal)
	m.What = "the fall in household funds in Russian banks in February 2022, a flow over the month"
	m.Period = period{Start: periodStart.Format(time.DateOnly), End: periodEnd.Format(time.DateOnly)}
	m.Weighting = weighting

	averaged := 0
	for _, cur := range moneyCurrencies {
		c := periodConversion{Currency: cur.Code()}
		pr, err := in.rates.Average(cur, finance.RUB, periodStart, periodEnd)
		if pe, ok := errors.AsType[*finance.PeriodError](err); ok {
			// A -rates file may lack days or currencies: say which days,
			// never average over fewer.
			c.Note = fmt.Sprintf("no average: %d of the %d days have no %s rate in force (%s)",
				len(pe.Missing), pe.End.Sub(pe.Start)/(24*time.Hour)+1, cur.Code(), pe.Error())
			m.Average = append(m.Average, c)
			continue
		} else if err != nil {
			return fmt.Errorf("average %s rate of February 2022: %w", cur.Code(), err)
		}
		got, err := pr.Convert(amount)
		if err != nil {
			return fmt.Errorf("convert at the average %s rate: %w", cur.Code(), err)
		}
		c.Basis = pr.Basis().String()
		c.Rate = rateText(cur, pr.Decimal().StringFixedBank(4))
		c.Amount, c.Compact = &got, got.Compact()
		if c.Low, err = rateAtOf(amount, pr.Min()); err != nil {
			return err
		}
		if c.High, err = rateAtOf(amount, pr.Max()); err != nil {
			return err
		}
		c.Days = pr.Days()
		c.SourceRefs = src.cite(pr.Sources()...)
		m.Average = append(m.Average, c)
		averaged++
	}
	article := finance.ArticleRates()
	for _, a := range articleFigures {
		r, err := article.FindWith(a.cur, finance.RUB, articleDay, finance.FindOptions{AnyAge: true})
		if err != nil {
			return fmt.Errorf("the article's implied %s rate: %w", a.cur.Code(), err)
		}
		implied, err := r.Inverse().Convert(amount)
		if err != nil {
			return err
		}
		ar := articleReading{
			Currency: a.cur.Code(), Printed: a.text, Implied: rateText(a.cur, r.Decimal().String()),
			ImpliedDate: r.Date().Format(time.DateOnly), ImpliedBasis: r.Basis().String(),
			Amount: implied, SourceRefs: src.cite(r.Sources()...),
		}
		for _, c := range m.Average {
			if c.Currency == a.cur.Code() && c.Amount != nil {
				ar.AtAverage = c.Compact
				// The percentage is for reading only: (average − printed) / printed.
				printed := decimal.NewFromInt(a.bn * 1_000_000_000)
				diff := c.Amount.Decimal().Sub(printed).DivRound(printed, 6)
				ar.Difference, _ = diff.Float64()
			}
		}
		m.Article = append(m.Article, ar)
	}

	day, ok := cfg.date, cfg.dateSet
	if !ok && in.ratesFile != "" {
		// A file given without -date: its own latest day.
		for _, r := range in.rates.All() {
			if r.Date().After(day) {
				day = r.Date()
			}
		}
		ok = !day.IsZero()
	}
	if !ok {
		if averaged == 0 {
			return fmt.Errorf("no currency has a rate on every day of February 2022 (%s); give -date", m.Average[0].Note)
		}
		return nil
	}
	rep.Settings.Date = day.Format(time.DateOnly)
	converted := 0
	for _, cur := range moneyCurrencies {
		d := dayConversion{Currency: cur.Code(), On: day.Format(time.DateOnly)}
		cv, err := in.rates.Exchange(amount, cur, day)
		switch {
		case errors.Is(err, finance.ErrNoRate):
			d.Note = fmt.Sprintf("no %s rate on %s or in the %d days before it", cur.Code(), d.On, finance.DefaultMaxAge)
		case err != nil:
			return fmt.Errorf("-date %s: %w", d.On, err)
		default:
			r := cv.Rate.Inverse()
			d.Basis = cv.Basis().String()
			d.Rate = rateText(cur, r.Decimal().StringFixedBank(4))
			d.RateDate = cv.Rate.Date().Format(time.DateOnly)
			d.Age = cv.Age()
			d.Amount, d.Compact = &cv.To, cv.To.Compact()
			d.SourceRefs = src.cite(cv.Sources()...)
			converted++
		}
		m.Day = append(m.Day, d)
	}
	if converted == 0 {
		return fmt.Errorf("-date %s: no rate for any of USD, GBP, EUR and CNY on that day or in the %d days before it", rep.Settings.Date, finance.DefaultMaxAge)
	}
	return nil
}

// rateText writes a rate in the one form the report uses: "1 USD = 77.4048 RUB".
func rateText(cur finance.Currency, roubles string) string {
	return "1 " + cur.Code() + " = " + roubles + " RUB"
}

// rateAtOf is amount converted at one rate in force (cur → RUB).
func rateAtOf(amount finance.Amount, r finance.Rate) (*rateAt, error) {
	got, err := r.Inverse().Convert(amount)
	if err != nil {
		return nil, fmt.Errorf("convert at %v: %w", r, err)
	}
	return &rateAt{
		Rate: rateText(r.Base(), r.Decimal().StringFixedBank(4)), Date: r.Date().Format(time.DateOnly),
		Basis: r.Basis().String(), Amount: got, Compact: got.Compact(),
	}, nil
}
