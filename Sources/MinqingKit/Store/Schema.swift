import GRDB

/// The database schema as migrations. A migration that has landed is never edited: add a new one.
enum Schema {
    /// The migrations in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-demands") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2-deadline-type-resolution") { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration("v3-settled-month") { db in
            try db.execute(sql: v3)
            try SettlementUpkeep.resettle(db, where: "d.id IN (SELECT DISTINCT demand_id FROM late_update)")
        }
        migrator.registerMigration("v4-problem-place") { db in
            try db.execute(sql: v4)
        }
        migrator.registerMigration("v5-term-profile") { db in
            try db.execute(sql: v5)
            try TermProfiles.refreshAll(db)
        }
        migrator.registerMigration("v6-month-figures") { db in
            try db.execute(sql: v6)
        }
        return migrator
    }

    /// v1: demands, ingests, their files and problems, late status updates and corrections.
    static let v1 = """
        CREATE TABLE ingest (
            id INTEGER PRIMARY KEY,
            month TEXT NOT NULL,
            command TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            accepted INTEGER NOT NULL,
            rejected INTEGER NOT NULL,
            notices INTEGER NOT NULL,
            added INTEGER NOT NULL,
            changed INTEGER NOT NULL,
            removed INTEGER NOT NULL,
            late_updates INTEGER NOT NULL,
            config_digest TEXT NOT NULL,
            seeds_digest TEXT NOT NULL
        );
        CREATE INDEX ingest_by_month ON ingest(month, id);

        CREATE TABLE ingest_file (
            ingest_id INTEGER NOT NULL REFERENCES ingest(id),
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            encoding TEXT NOT NULL,
            rows INTEGER NOT NULL,
            accepted INTEGER NOT NULL,
            rejected INTEGER NOT NULL,
            PRIMARY KEY (ingest_id, position)
        );

        CREATE TABLE demand (
            id TEXT PRIMARY KEY NOT NULL,
            month TEXT NOT NULL,
            received TEXT NOT NULL,
            received_day INTEGER NOT NULL,
            received_secs INTEGER NOT NULL,
            channel TEXT NOT NULL,
            content TEXT NOT NULL,
            status TEXT NOT NULL,
            petitioner TEXT NOT NULL,
            phone TEXT NOT NULL,
            headcount INTEGER NOT NULL,
            township_given TEXT NOT NULL,
            village TEXT NOT NULL,
            domain_given TEXT NOT NULL,
            grade_given TEXT NOT NULL,
            department_given TEXT NOT NULL,
            resolved TEXT NOT NULL,
            satisfaction TEXT NOT NULL,
            domain TEXT NOT NULL,
            township TEXT NOT NULL,
            department TEXT NOT NULL,
            liaison TEXT NOT NULL,
            primary_unit TEXT NOT NULL,
            primary_type TEXT NOT NULL,
            grade TEXT NOT NULL,
            grade_basis TEXT NOT NULL,
            unit_basis TEXT NOT NULL,
            repeat_key TEXT NOT NULL,
            source_file TEXT NOT NULL,
            source_line INTEGER NOT NULL,
            ingest_id INTEGER NOT NULL REFERENCES ingest(id)
        );
        CREATE INDEX demand_by_month ON demand(month, received_day, received_secs, id);

        CREATE TABLE problem (
            ingest_id INTEGER NOT NULL REFERENCES ingest(id),
            seq INTEGER NOT NULL,
            file TEXT NOT NULL,
            line INTEGER NOT NULL,
            level TEXT NOT NULL,
            column_name TEXT NOT NULL,
            message TEXT NOT NULL,
            raw TEXT NOT NULL,
            PRIMARY KEY (ingest_id, seq)
        );

        CREATE TABLE late_update (
            demand_id TEXT NOT NULL,
            month TEXT NOT NULL,
            ingest_id INTEGER NOT NULL REFERENCES ingest(id),
            status TEXT NOT NULL,
            resolved TEXT NOT NULL,
            satisfaction TEXT NOT NULL,
            previous_status TEXT NOT NULL,
            previous_resolved TEXT NOT NULL,
            previous_satisfaction TEXT NOT NULL,
            PRIMARY KEY (demand_id, month)
        );

        CREATE TABLE correction (
            ingest_id INTEGER NOT NULL REFERENCES ingest(id),
            seq INTEGER NOT NULL,
            demand_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            field TEXT NOT NULL,
            old_value TEXT NOT NULL,
            new_value TEXT NOT NULL,
            PRIMARY KEY (ingest_id, seq)
        );
        """
}

extension Schema {
    /// v2: the optional input columns of SPEC §9 (截止日期 as given, 诉求类型, 解决情况); demands stored
    /// before have none of them.
    static let v2 = """
        ALTER TABLE demand ADD COLUMN deadline_given TEXT NOT NULL DEFAULT '';
        ALTER TABLE demand ADD COLUMN demand_type TEXT NOT NULL DEFAULT '未分类';
        ALTER TABLE demand ADD COLUMN resolution TEXT NOT NULL DEFAULT '未回访';
        """
}

extension Schema {
    /// v3: the backlog (SPEC §8). `settled_month` is the month from which a demand is 已办结 in every later
    /// record (`9999-12` while its latest record is open, so "not settled by M" is one index range,
    /// `settled_month > M`); a partial index holds only the demands not settled in their own month, so
    /// the demands open at a month's end are found without reading the history; a second one holds the
    /// demands open now in 受理日期 order, so the latest month's open demands are read in their list's
    /// order without sorting them.
    /// Demands stored before get it from their own status; those with later records are settled by the
    /// migration (``SettlementUpkeep``).
    static let v3 = """
        ALTER TABLE demand ADD COLUMN settled_month TEXT NOT NULL DEFAULT '9999-12';
        UPDATE demand SET settled_month = CASE status WHEN '已办结' THEN month ELSE '9999-12' END;
        CREATE INDEX demand_unsettled ON demand(settled_month, month) WHERE settled_month <> month;
        CREATE INDEX demand_open_now ON demand(received_day, received_secs, id) WHERE settled_month = '9999-12';
        CREATE INDEX late_update_by_month ON late_update(month);
        """
}

extension Schema {
    /// v4: where a problem is, as the clerk's spreadsheet shows it (SPEC §10). `problem.line` holds the
    /// row from now on (the physical line before; the same for a file without line breaks in its
    /// fields); `physical_line` is the text file's line when it differs from the row (0 otherwise), and
    /// `sheet` the worksheet of a workbook.
    static let v4 = """
        ALTER TABLE problem ADD COLUMN physical_line INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE problem ADD COLUMN sheet TEXT NOT NULL DEFAULT '';
        """
}

extension Schema {
    /// v5: each month's term profile for the topic finder (SPEC §11, ``TermProfiles``): the bigram counts of
    /// (a sample of) its texts, for the month's latest ingest. Months stored before get theirs now.
    static let v5 = """
        CREATE TABLE term_profile (
            month TEXT PRIMARY KEY NOT NULL,
            ingest_id INTEGER NOT NULL,
            documents INTEGER NOT NULL,
            counts BLOB NOT NULL
        );
        """
}

extension Schema {
    /// v6: each month's figures as its bulletin computed them (SPEC §11's 近12个月, 预警, 上月诉求 and
    /// 上月得分; ``MonthFigures``), written when the month is ingested or reported, for the ingest they
    /// belong to: a later month's bulletin reads a dozen rows instead of the months' demands. Months stored
    /// before get theirs when a later month's `run` first needs them. (Independent of v5, the topics' term
    /// profiles.)
    static let v6 = """
        CREATE TABLE month_figures (
            month TEXT PRIMARY KEY NOT NULL,
            ingest_id INTEGER NOT NULL,
            total INTEGER NOT NULL,
            grade_a INTEGER NOT NULL,
            resolved INTEGER NOT NULL,
            on_time INTEGER NOT NULL,
            late INTEGER NOT NULL,
            satisfied INTEGER NOT NULL,
            evaluated INTEGER NOT NULL,
            open_at_end INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE month_domain (
            month TEXT NOT NULL,
            position INTEGER NOT NULL,
            domain TEXT NOT NULL,
            demands INTEGER NOT NULL,
            PRIMARY KEY (month, position)
        ) WITHOUT ROWID;
        CREATE TABLE month_unit (
            month TEXT NOT NULL,
            position INTEGER NOT NULL,
            unit TEXT NOT NULL,
            demands INTEGER NOT NULL,
            score REAL NOT NULL,
            PRIMARY KEY (month, position)
        ) WITHOUT ROWID;
        """
}
