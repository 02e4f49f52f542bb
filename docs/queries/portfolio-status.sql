-- How many companies and dollars are in each status.
SELECT status, companies, invested_usd FROM v_portfolio_status;
