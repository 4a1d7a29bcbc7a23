package main

import (
	"cmp"
	"errors"
	"fmt"
	"time"

	"github.com/exodus-lab/exodus/finance"
)

// maxRateAge is how many days old an official rate may be on the report's
// date; an older one is an error, never a silent fallback.
const maxRateAge = 31

// The window "around the outflow" whose official USD rates show how much
// the choice of day moves the dollar figure.
var (
	pathFrom = time.Date(2022, 2, 1, 0, 0, 0, 0, time.UTC)
	pathTo   = time.Date(2022, 3, 31, 0, 0, 0, 0, time.UTC)
)

// invasionDay is the day of Russia's full-scale invasion of Ukraine.
var invasionDay = time.Date(2022, 2, 24, 0, 0, 0, 0, time.UTC)

// articleDay is the date the embedded rates implied by the article's
// "£12bn / $15bn" carry (see finance.ArticleRates).
var articleDay = time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)

func buildMoney(rep *report, src *sourceList, cfg config, in inputs) error {
	amount, err := finance.ParseAmount("1.2 trillion RUB")
	if err != nil {
		return err
	}
	m := &rep.Money
	m.Amount, m.Compact, m.SourceRefs = amount.String(), amount.Compact(), src.cite(srcCBRWithdrawal)

	article := finance.ArticleRates()
	var firstErr error
	converted := 0
	for _, cur := range []finance.Currency{finance.USD, finance.GBP, finance.EUR, finance.CNY} {
		r, err := in.rates.FindWith(finance.RUB, cur, cfg.date, finance.FindOptions{MaxAge: maxRateAge})
		switch {
		case errors.Is(err, finance.ErrNoRate):
			// A -rates file may hold some currencies only (an XML_dynamic
			// file holds one): say which is missing; fail below if all are.
			firstErr = cmp.Or(firstErr, err)
			m.Conversions = append(m.Conversions, conversion{
				Currency: cur.Code(), Basis: "official",
				Note: fmt.Sprintf("no official %s rate on %s or in the %d days before it", cur.Code(), cfg.date.Format(time.DateOnly), maxRateAge),
			})
		case err != nil:
			return fmt.Errorf("-date %s: official rate: %w", cfg.date.Format(time.DateOnly), err)
		default:
			c, err := convertAt(amount, r)
			if err != nil {
				return err
			}
			c.Basis = r.Basis().String() // official or reported, never derived (finance.DefaultRates)
			c.SourceRefs = src.cite(r.Sources()...)
			m.Conversions = append(m.Conversions, c)
			converted++
		}

		// The article's implied rates exist only for USD and GBP, dated articleDay.
		ar, err := article.FindWith(finance.RUB, cur, articleDay, finance.FindOptions{MaxAge: -1})
		if err != nil {
			m.Conversions = append(m.Conversions, conversion{
				Currency: cur.Code(), Basis: "article",
				Note: "the article gives no " + cur.Code() + " figure",
			})
			continue
		}
		c, err := convertAt(amount, ar)
		if err != nil {
			return err
		}
		c.Basis = "article"
		c.SourceRefs = src.cite(ar.Sources()...)
		m.Conversions = append(m.Conversions, c)
	}

	if converted == 0 {
		return fmt.Errorf("-date %s: %w", cfg.date.Format(time.DateOnly), firstErr)
	}

	for _, r := range in.rates.All() {
		if r.Base() != finance.USD || r.Quote() != finance.RUB || r.Date().Before(pathFrom) || r.Date().After(pathTo) {
			continue
		}
		c, err := convertAt(amount, r.Inverse())
		if err != nil {
			return err
		}
		c.Basis = r.Basis().String()
		c.SourceRefs = src.cite(r.Sources()...)
		m.USDPath = append(m.USDPath, c)
	}
	return nil
}

// convertAt converts amount (in RUB) with r, which Rates.Find returned:
// exactly, rounded once, half to even, to the currency's minor units.
func convertAt(amount finance.Amount, r finance.Rate) (conversion, error) {
	got, err := r.Convert(amount)
	if err != nil {
		return conversion{}, fmt.Errorf("convert: %w", err)
	}
	return conversion{
		Currency: r.Quote().Code(),
		Exact:    got.String(),
		Compact:  got.Compact(),
		Rate:     r.Inverse().Value().Round(4).String() + " RUB/" + r.Quote().Code(),
		RateDate: r.Date().Format(time.DateOnly),
	}, nil
}
