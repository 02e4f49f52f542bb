#!/usr/bin/env python3
"""Generate a synthetic lifeline portfolio, reproducibly (fixed seed).

    python3 bench/generate.py DB COMPANIES [--releases 10000] [--seed 20261129]

DB must have been created by `lifeline init`. Writes providers, models, releases over
five years (2021-2025) and COMPANIES companies, each with 1 to 4 dependencies, 1 to 5
exposures and one investment. The 50 companies `rare-0` .. `rare-49` are also exposed to
the capability `bench-rare`, in every portfolio, so that a release of it affects the
same number of companies whatever the portfolio's size.

It writes straight into the tables with Python's sqlite3 (the schema's constraints still
check every row): generating 100,000 companies through the CLI would measure the CLI.
"""
import argparse
import datetime
import random
import sqlite3

PROVIDERS = ["openai", "anthropic", "google", "microsoft", "meta", "mistral", "cohere", "xai"]
MODELS_PER_PROVIDER = 8


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("companies", type=int)
    parser.add_argument("--releases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261129)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    db = sqlite3.connect(args.db)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA journal_mode = WAL")
    with db:
        generate(db, rng, args.companies, args.releases)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("ANALYZE")
    db.close()


def generate(db, rng, company_count, release_count):
    db.execute("INSERT INTO capabilities (slug, name, description) VALUES ('bench-rare', 'Benchmark rare capability', NULL)")
    capabilities = [row[0] for row in db.execute("SELECT id FROM capabilities WHERE slug != 'bench-rare' ORDER BY id")]
    rare = db.execute("SELECT id FROM capabilities WHERE slug = 'bench-rare'").fetchone()[0]
    models = []
    for provider in PROVIDERS:
        provider_id = db.execute("INSERT INTO providers (slug, name) VALUES (?, ?)", (provider, provider.title())).lastrowid
        for index in range(MODELS_PER_PROVIDER):
            slug = f"model-{index}"
            models.append(db.execute(
                "INSERT INTO models (provider_id, slug, name) VALUES (?, ?, ?)", (provider_id, slug, slug)).lastrowid)

    start = datetime.date(2021, 1, 1)
    span = (datetime.date(2025, 12, 31) - start).days
    for _ in range(release_count):
        model = rng.choice(models)
        released = start + datetime.timedelta(days=rng.randrange(span))
        roll = rng.random()
        kind = "retirement" if roll < 0.02 else "launch" if roll < 0.10 else "capability"
        announced = released - datetime.timedelta(days=rng.randrange(1, 60)) if rng.random() < 0.1 else None
        release_id = db.execute(
            "INSERT INTO releases (model_id, kind, released_on, announced_on, source) VALUES (?, ?, ?, ?, 'bench')",
            (model, kind, released.isoformat(), announced.isoformat() if announced else None)).lastrowid
        if kind != "retirement":
            for capability in rng.sample(capabilities, rng.randint(1, 3)):
                db.execute("INSERT INTO release_capabilities (release_id, capability_id) VALUES (?, ?)", (release_id, capability))

    for index in range(company_count):
        slug = f"rare-{index}" if index < 50 else f"company-{index}"
        since = start + datetime.timedelta(days=rng.randrange(span))
        company_id = db.execute(
            "INSERT INTO companies (slug, name, tier_months, lifeline_start, runway_months) VALUES (?, ?, ?, ?, ?)",
            (slug, f"Company {index}", rng.choice([3, 6, 12]), since.isoformat(), rng.randint(0, 12))).lastrowid
        for model in rng.sample(models, rng.randint(1, 4)):
            db.execute("INSERT INTO dependencies (company_id, model_id) VALUES (?, ?)", (company_id, model))
        exposed = rng.sample(capabilities, rng.randint(1, 5)) + ([rare] if index < 50 else [])
        for capability in exposed:
            exposure = db.execute(
                "INSERT INTO exposures (company_id, capability_id, effect) VALUES (?, ?, ?)",
                (company_id, capability, rng.choice(["advantage", "necessity"]))).lastrowid
            if rng.random() < 0.2:
                provider = db.execute("SELECT id FROM providers WHERE slug = ?", (rng.choice(PROVIDERS),)).fetchone()[0]
                db.execute("INSERT INTO exposure_providers (exposure_id, provider_id) VALUES (?, ?)", (exposure, provider))
        db.execute(
            "INSERT INTO investments (company_id, invested_on, round, amount_cents) VALUES (?, ?, 'Seed', ?)",
            (company_id, since.isoformat(), rng.randint(1, 100) * 10_000_000))


if __name__ == "__main__":
    main()
