IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [DisplayName] nvarchar(200) NOT NULL,
        [IsDisabled] bit NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [At] datetime2 NOT NULL,
        [UserId] nvarchar(450) NULL,
        [UserName] nvarchar(200) NOT NULL,
        [EntityType] nvarchar(100) NOT NULL,
        [EntityId] nvarchar(100) NOT NULL,
        [Action] nvarchar(20) NOT NULL,
        [Before] nvarchar(max) NULL,
        [After] nvarchar(max) NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [ClinicSettings] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(200) NOT NULL,
        [BillingAddress_Line1] nvarchar(200) NOT NULL,
        [BillingAddress_Line2] nvarchar(200) NULL,
        [BillingAddress_City] nvarchar(100) NOT NULL,
        [BillingAddress_State] nvarchar(40) NOT NULL,
        [BillingAddress_PostalCode] nvarchar(20) NOT NULL,
        [Phone] nvarchar(40) NOT NULL,
        [TaxId] nvarchar(20) NOT NULL,
        [GroupNpi] nvarchar(20) NOT NULL,
        [TimeZoneId] nvarchar(100) NOT NULL,
        [SuperbillFooter] nvarchar(4000) NOT NULL,
        [ShowPatientNamesInReports] bit NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ClinicSettings] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(200) NOT NULL,
        [Xml] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [JobRuns] (
        [Id] int NOT NULL IDENTITY,
        [Kind] nvarchar(40) NOT NULL,
        [RequestKey] nvarchar(200) NOT NULL,
        [Parameters] nvarchar(4000) NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [PatientId] int NULL,
        [RequestedBy] nvarchar(200) NOT NULL,
        [RequestedByUserId] nvarchar(450) NULL,
        [Status] nvarchar(20) NOT NULL,
        [Attempts] int NOT NULL,
        [MaxAttempts] int NOT NULL,
        [ProgressDone] int NOT NULL,
        [ProgressTotal] int NOT NULL,
        [ProgressText] nvarchar(200) NULL,
        [Error] nvarchar(4000) NULL,
        [CancelRequested] bit NOT NULL,
        [DocumentId] int NULL,
        [CreatedAt] datetime2 NOT NULL,
        [StartedAt] datetime2 NULL,
        [FinishedAt] datetime2 NULL,
        [NextAttemptAt] datetime2 NULL,
        [RunningOn] nvarchar(200) NULL,
        CONSTRAINT [PK_JobRuns] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [Locations] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(10) NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [ServiceFacilityAddress_Line1] nvarchar(200) NOT NULL,
        [ServiceFacilityAddress_Line2] nvarchar(200) NULL,
        [ServiceFacilityAddress_City] nvarchar(100) NOT NULL,
        [ServiceFacilityAddress_State] nvarchar(40) NOT NULL,
        [ServiceFacilityAddress_PostalCode] nvarchar(20) NOT NULL,
        [Phone] nvarchar(40) NOT NULL,
        [FacilityNpi] nvarchar(10) NULL,
        [DefaultPlaceOfService] nvarchar(4) NOT NULL,
        [IsActive] bit NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Locations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [Patients] (
        [Id] int NOT NULL IDENTITY,
        [Mrn] nvarchar(20) NOT NULL,
        [FirstName] nvarchar(100) NOT NULL,
        [LastName] nvarchar(100) NOT NULL,
        [DateOfBirth] date NOT NULL,
        [Sex] nvarchar(40) NULL,
        [Email] nvarchar(200) NULL,
        [Phone] nvarchar(40) NULL,
        [Address_Line1] nvarchar(200) NOT NULL,
        [Address_Line2] nvarchar(200) NULL,
        [Address_City] nvarchar(100) NOT NULL,
        [Address_State] nvarchar(40) NOT NULL,
        [Address_PostalCode] nvarchar(20) NOT NULL,
        [InsurancePayer] nvarchar(200) NULL,
        [InsuranceMemberId] nvarchar(40) NULL,
        [WeightKg] decimal(5,1) NULL,
        [HasUncontrolledHypertension] bit NOT NULL,
        [HasPsychosisHistory] bit NOT NULL,
        [IsPregnant] bit NOT NULL,
        [HasSevereLiverDisease] bit NOT NULL,
        [HasSubstanceMisuse] bit NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Patients] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [Services] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(200) NOT NULL,
        [Description] nvarchar(4000) NULL,
        [Category] nvarchar(40) NOT NULL,
        [BillingCode] nvarchar(20) NOT NULL,
        [Modifiers] nvarchar(20) NULL,
        [DefaultUnits] decimal(8,2) NOT NULL,
        [DefaultDurationMinutes] int NULL,
        [IsActive] bit NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Services] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [StaffMembers] (
        [Id] int NOT NULL IDENTITY,
        [FirstName] nvarchar(100) NOT NULL,
        [LastName] nvarchar(100) NOT NULL,
        [Credentials] nvarchar(100) NOT NULL,
        [Title] nvarchar(100) NOT NULL,
        [Email] nvarchar(200) NULL,
        [Phone] nvarchar(40) NULL,
        [Npi] nvarchar(10) NULL,
        [LicenseNumber] nvarchar(40) NULL,
        [LicenseState] nvarchar(2) NULL,
        [LicenseExpiresOn] date NULL,
        [BoardCertifications] nvarchar(200) NULL,
        [IsRenderingProvider] bit NOT NULL,
        [StartDate] date NOT NULL,
        [EndDate] date NULL,
        [Bio] nvarchar(4000) NULL,
        [UserId] nvarchar(450) NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_StaffMembers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_StaffMembers_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE SET NULL
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [Documents] (
        [Id] int NOT NULL IDENTITY,
        [Kind] nvarchar(40) NOT NULL,
        [RequestKey] nvarchar(200) NOT NULL,
        [Version] int NOT NULL,
        [DocumentNumber] nvarchar(40) NOT NULL,
        [FileName] nvarchar(200) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [Content] varbinary(max) NOT NULL,
        [Sha256] nvarchar(64) NOT NULL,
        [PatientId] int NULL,
        [PeriodStart] date NULL,
        [PeriodEnd] date NULL,
        [LocationId] int NULL,
        [CreatedBy] nvarchar(200) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [VoidedAt] datetime2 NULL,
        [VoidedBy] nvarchar(200) NULL,
        [SupersededById] int NULL,
        CONSTRAINT [PK_Documents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Documents_Locations_LocationId] FOREIGN KEY ([LocationId]) REFERENCES [Locations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Documents_Patients_PatientId] FOREIGN KEY ([PatientId]) REFERENCES [Patients] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [PatientDiagnoses] (
        [Id] int NOT NULL IDENTITY,
        [PatientId] int NOT NULL,
        [Code] nvarchar(20) NOT NULL,
        [Description] nvarchar(200) NOT NULL,
        [IsPrimary] bit NOT NULL,
        [DiagnosedOn] date NULL,
        CONSTRAINT [PK_PatientDiagnoses] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PatientDiagnoses_Patients_PatientId] FOREIGN KEY ([PatientId]) REFERENCES [Patients] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [TreatmentCourses] (
        [Id] int NOT NULL IDENTITY,
        [PatientId] int NOT NULL,
        [Indication] nvarchar(40) NOT NULL,
        [PlannedSessions] int NOT NULL,
        [StartDate] date NOT NULL,
        [EndDate] date NULL,
        [Status] nvarchar(40) NOT NULL,
        [Notes] nvarchar(4000) NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_TreatmentCourses] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TreatmentCourses_Patients_PatientId] FOREIGN KEY ([PatientId]) REFERENCES [Patients] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [ServicePrices] (
        [Id] int NOT NULL IDENTITY,
        [ServiceId] int NOT NULL,
        [Amount] decimal(12,2) NOT NULL,
        [EffectiveFrom] date NOT NULL,
        [SetBy] nvarchar(200) NOT NULL,
        [Reason] nvarchar(200) NULL,
        [SetAt] datetime2 NOT NULL,
        [CancelledAt] datetime2 NULL,
        [CancelledBy] nvarchar(200) NULL,
        CONSTRAINT [PK_ServicePrices] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ServicePrices_Services_ServiceId] FOREIGN KEY ([ServiceId]) REFERENCES [Services] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [Availability] (
        [Id] int NOT NULL IDENTITY,
        [StaffMemberId] int NOT NULL,
        [Day] int NOT NULL,
        [Start] time NOT NULL,
        [End] time NOT NULL,
        CONSTRAINT [PK_Availability] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Availability_StaffMembers_StaffMemberId] FOREIGN KEY ([StaffMemberId]) REFERENCES [StaffMembers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [PatientLinks] (
        [Id] int NOT NULL IDENTITY,
        [DocumentId] int NOT NULL,
        [TokenHash] nvarchar(64) NOT NULL,
        [ExpiresAt] datetime2 NOT NULL,
        [FailedAttempts] int NOT NULL,
        [LockedAt] datetime2 NULL,
        [CreatedBy] nvarchar(200) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [LastUsedAt] datetime2 NULL,
        CONSTRAINT [PK_PatientLinks] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PatientLinks_Documents_DocumentId] FOREIGN KEY ([DocumentId]) REFERENCES [Documents] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [CourseDiagnoses] (
        [Id] int NOT NULL IDENTITY,
        [TreatmentCourseId] int NOT NULL,
        [Position] int NOT NULL,
        [Code] nvarchar(20) NOT NULL,
        [Description] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_CourseDiagnoses] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CourseDiagnoses_TreatmentCourses_TreatmentCourseId] FOREIGN KEY ([TreatmentCourseId]) REFERENCES [TreatmentCourses] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [Visits] (
        [Id] int NOT NULL IDENTITY,
        [PatientId] int NOT NULL,
        [TreatmentCourseId] int NULL,
        [RenderingProviderId] int NOT NULL,
        [LocationId] int NOT NULL,
        [StartedAt] datetime2 NOT NULL,
        [DischargedAt] datetime2 NULL,
        [PlaceOfService] nvarchar(4) NOT NULL,
        [Route] nvarchar(40) NOT NULL,
        [DoseMg] decimal(8,2) NULL,
        [WeightKg] decimal(5,1) NULL,
        [InfusionMinutes] int NULL,
        [SessionNumber] int NULL,
        [VitalsBefore_Systolic] int NULL,
        [VitalsBefore_Diastolic] int NULL,
        [VitalsBefore_HeartRate] int NULL,
        [VitalsBefore_SpO2] int NULL,
        [VitalsAt40Min_Systolic] int NULL,
        [VitalsAt40Min_Diastolic] int NULL,
        [VitalsAt40Min_HeartRate] int NULL,
        [VitalsAt40Min_SpO2] int NULL,
        [VitalsAtDischarge_Systolic] int NULL,
        [VitalsAtDischarge_Diastolic] int NULL,
        [VitalsAtDischarge_HeartRate] int NULL,
        [VitalsAtDischarge_SpO2] int NULL,
        [Notes] nvarchar(4000) NULL,
        [SubmissionKey] uniqueidentifier NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Visits] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Visits_Locations_LocationId] FOREIGN KEY ([LocationId]) REFERENCES [Locations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Visits_Patients_PatientId] FOREIGN KEY ([PatientId]) REFERENCES [Patients] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Visits_StaffMembers_RenderingProviderId] FOREIGN KEY ([RenderingProviderId]) REFERENCES [StaffMembers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Visits_TreatmentCourses_TreatmentCourseId] FOREIGN KEY ([TreatmentCourseId]) REFERENCES [TreatmentCourses] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [Assessments] (
        [Id] int NOT NULL IDENTITY,
        [PatientId] int NOT NULL,
        [TreatmentCourseId] int NULL,
        [VisitId] int NULL,
        [Instrument] nvarchar(40) NOT NULL,
        [TakenAt] datetime2 NOT NULL,
        [TotalScore] int NOT NULL,
        [Items] nvarchar(200) NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Assessments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Assessments_Patients_PatientId] FOREIGN KEY ([PatientId]) REFERENCES [Patients] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Assessments_TreatmentCourses_TreatmentCourseId] FOREIGN KEY ([TreatmentCourseId]) REFERENCES [TreatmentCourses] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Assessments_Visits_VisitId] FOREIGN KEY ([VisitId]) REFERENCES [Visits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [ChargeLines] (
        [Id] int NOT NULL IDENTITY,
        [VisitId] int NOT NULL,
        [ServiceId] int NOT NULL,
        [Code] nvarchar(20) NOT NULL,
        [Modifiers] nvarchar(20) NULL,
        [Description] nvarchar(200) NOT NULL,
        [Units] decimal(8,2) NOT NULL,
        [UnitPrice] decimal(12,2) NOT NULL,
        [Amount] decimal(12,2) NOT NULL,
        [IsAddOn] bit NOT NULL,
        [DiagnosisPointers] nvarchar(20) NOT NULL,
        [Detail] nvarchar(200) NULL,
        CONSTRAINT [PK_ChargeLines] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ChargeLines_Services_ServiceId] FOREIGN KEY ([ServiceId]) REFERENCES [Services] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ChargeLines_Visits_VisitId] FOREIGN KEY ([VisitId]) REFERENCES [Visits] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [Incidents] (
        [Id] int NOT NULL IDENTITY,
        [PatientId] int NOT NULL,
        [VisitId] int NULL,
        [Type] nvarchar(40) NOT NULL,
        [Drug] nvarchar(100) NULL,
        [Route] nvarchar(40) NOT NULL,
        [DoseMg] decimal(8,2) NULL,
        [LotNumber] nvarchar(40) NULL,
        [OnsetMinutesAfterDose] int NULL,
        [OccurredAt] datetime2 NOT NULL,
        [Description] nvarchar(4000) NOT NULL,
        [Vitals_Systolic] int NULL,
        [Vitals_Diastolic] int NULL,
        [Vitals_HeartRate] int NULL,
        [Vitals_SpO2] int NULL,
        [Grade] int NOT NULL,
        [Serious] int NOT NULL,
        [ActionTaken] nvarchar(4000) NULL,
        [RescueMedication] nvarchar(200) NULL,
        [RescueDose] nvarchar(40) NULL,
        [RescueGivenAt] datetime2 NULL,
        [ResolvedAt] datetime2 NULL,
        [Outcome] nvarchar(40) NOT NULL,
        [FollowUp] nvarchar(4000) NULL,
        [ReportedBy] nvarchar(200) NOT NULL,
        [ReportableToMedWatch] bit NOT NULL,
        [ReportableToRems] bit NOT NULL,
        [ReviewedBy] nvarchar(200) NULL,
        [SignedOffAt] datetime2 NULL,
        [ReviewNotes] nvarchar(4000) NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Incidents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Incidents_Patients_PatientId] FOREIGN KEY ([PatientId]) REFERENCES [Patients] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Incidents_Visits_VisitId] FOREIGN KEY ([VisitId]) REFERENCES [Visits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [Payments] (
        [Id] int NOT NULL IDENTITY,
        [PatientId] int NOT NULL,
        [VisitId] int NULL,
        [ReceivedAt] datetime2 NOT NULL,
        [Amount] decimal(12,2) NOT NULL,
        [Method] nvarchar(40) NOT NULL,
        [Reference] nvarchar(200) NULL,
        [RecordedBy] nvarchar(200) NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Payments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Payments_Patients_PatientId] FOREIGN KEY ([PatientId]) REFERENCES [Patients] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Payments_Visits_VisitId] FOREIGN KEY ([VisitId]) REFERENCES [Visits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE TABLE [IncidentAddenda] (
        [Id] int NOT NULL IDENTITY,
        [IncidentId] int NOT NULL,
        [Text] nvarchar(4000) NOT NULL,
        [Author] nvarchar(200) NOT NULL,
        [WrittenAt] datetime2 NOT NULL,
        CONSTRAINT [PK_IncidentAddenda] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_IncidentAddenda_Incidents_IncidentId] FOREIGN KEY ([IncidentId]) REFERENCES [Incidents] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Assessments_PatientId_Instrument_TakenAt] ON [Assessments] ([PatientId], [Instrument], [TakenAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Assessments_TreatmentCourseId_Instrument_TakenAt] ON [Assessments] ([TreatmentCourseId], [Instrument], [TakenAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Assessments_VisitId] ON [Assessments] ([VisitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_At] ON [AuditEntries] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_EntityType_EntityId] ON [AuditEntries] ([EntityType], [EntityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_UserName] ON [AuditEntries] ([UserName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Availability_StaffMemberId_Day] ON [Availability] ([StaffMemberId], [Day]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_ChargeLines_ServiceId] ON [ChargeLines] ([ServiceId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_ChargeLines_VisitId] ON [ChargeLines] ([VisitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CourseDiagnoses_TreatmentCourseId_Position] ON [CourseDiagnoses] ([TreatmentCourseId], [Position]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Documents_DocumentNumber] ON [Documents] ([DocumentNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Documents_Kind_PeriodStart_LocationId] ON [Documents] ([Kind], [PeriodStart], [LocationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Documents_LocationId] ON [Documents] ([LocationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Documents_PatientId_CreatedAt] ON [Documents] ([PatientId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Documents_RequestKey_Version] ON [Documents] ([RequestKey], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_IncidentAddenda_IncidentId] ON [IncidentAddenda] ([IncidentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Incidents_OccurredAt] ON [Incidents] ([OccurredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Incidents_PatientId_OccurredAt] ON [Incidents] ([PatientId], [OccurredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Incidents_VisitId] ON [Incidents] ([VisitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_JobRuns_RequestedByUserId_CreatedAt] ON [JobRuns] ([RequestedByUserId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_JobRuns_RequestKey] ON [JobRuns] ([RequestKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_JobRuns_Status_CreatedAt] ON [JobRuns] ([Status], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Locations_Code] ON [Locations] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Locations_Name] ON [Locations] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PatientDiagnoses_PatientId_Code] ON [PatientDiagnoses] ([PatientId], [Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_PatientLinks_DocumentId] ON [PatientLinks] ([DocumentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PatientLinks_TokenHash] ON [PatientLinks] ([TokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Patients_DateOfBirth] ON [Patients] ([DateOfBirth]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Patients_LastName_FirstName] ON [Patients] ([LastName], [FirstName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Patients_Mrn] ON [Patients] ([Mrn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Payments_PatientId_ReceivedAt] ON [Payments] ([PatientId], [ReceivedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Payments_VisitId] ON [Payments] ([VisitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_ServicePrices_ServiceId_EffectiveFrom] ON [ServicePrices] ([ServiceId], [EffectiveFrom]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Services_BillingCode_Modifiers_Name] ON [Services] ([BillingCode], [Modifiers], [Name]) WHERE [Modifiers] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_StaffMembers_LastName_FirstName] ON [StaffMembers] ([LastName], [FirstName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_StaffMembers_Npi] ON [StaffMembers] ([Npi]) WHERE [Npi] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_StaffMembers_UserId] ON [StaffMembers] ([UserId]) WHERE [UserId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_TreatmentCourses_PatientId_StartDate] ON [TreatmentCourses] ([PatientId], [StartDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Visits_LocationId_StartedAt] ON [Visits] ([LocationId], [StartedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Visits_PatientId_StartedAt] ON [Visits] ([PatientId], [StartedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Visits_RenderingProviderId_StartedAt] ON [Visits] ([RenderingProviderId], [StartedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Visits_StartedAt] ON [Visits] ([StartedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Visits_SubmissionKey] ON [Visits] ([SubmissionKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Visits_TreatmentCourseId] ON [Visits] ([TreatmentCourseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203182944_InitialCreate'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203182944_InitialCreate', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204142603_AccessLog'
)
BEGIN
    CREATE TABLE [AccessLog] (
        [Id] bigint NOT NULL IDENTITY,
        [At] datetime2 NOT NULL,
        [UserId] nvarchar(450) NULL,
        [UserName] nvarchar(200) NOT NULL,
        [PatientId] int NULL,
        [Page] nvarchar(100) NOT NULL,
        [Action] nvarchar(20) NOT NULL,
        [SearchKind] nvarchar(20) NULL,
        CONSTRAINT [PK_AccessLog] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204142603_AccessLog'
)
BEGIN
    CREATE INDEX [IX_AccessLog_At] ON [AccessLog] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204142603_AccessLog'
)
BEGIN
    CREATE INDEX [IX_AccessLog_PatientId_At] ON [AccessLog] ([PatientId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204142603_AccessLog'
)
BEGIN
    EXEC(N'CREATE TRIGGER [AccessLog_append_only] ON [AccessLog] AFTER UPDATE, DELETE AS
    BEGIN SET NOCOUNT ON; THROW 50000, N''The access log is append-only'', 1; END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204142603_AccessLog'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204142603_AccessLog', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205072812_VisitVitalLimits'
)
BEGIN
    ALTER TABLE [ClinicSettings] ADD [VitalLimits_DiastolicAtOrAbove] int NOT NULL DEFAULT 100;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205072812_VisitVitalLimits'
)
BEGIN
    ALTER TABLE [ClinicSettings] ADD [VitalLimits_HeartRateAtOrAbove] int NOT NULL DEFAULT 110;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205072812_VisitVitalLimits'
)
BEGIN
    ALTER TABLE [ClinicSettings] ADD [VitalLimits_HeartRateAtOrBelow] int NOT NULL DEFAULT 50;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205072812_VisitVitalLimits'
)
BEGIN
    ALTER TABLE [ClinicSettings] ADD [VitalLimits_SpO2Below] int NOT NULL DEFAULT 92;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205072812_VisitVitalLimits'
)
BEGIN
    ALTER TABLE [ClinicSettings] ADD [VitalLimits_SystolicAtOrAbove] int NOT NULL DEFAULT 160;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205072812_VisitVitalLimits'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205072812_VisitVitalLimits', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205073840_SuperbillSigner'
)
BEGIN
    ALTER TABLE [TreatmentCourses] ADD [SupervisingProviderId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205073840_SuperbillSigner'
)
BEGIN
    CREATE INDEX [IX_TreatmentCourses_SupervisingProviderId] ON [TreatmentCourses] ([SupervisingProviderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205073840_SuperbillSigner'
)
BEGIN
    ALTER TABLE [TreatmentCourses] ADD CONSTRAINT [FK_TreatmentCourses_StaffMembers_SupervisingProviderId] FOREIGN KEY ([SupervisingProviderId]) REFERENCES [StaffMembers] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205073840_SuperbillSigner'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205073840_SuperbillSigner', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205120720_ClinicDateStyle'
)
BEGIN
    ALTER TABLE [ClinicSettings] ADD [DateStyle] nvarchar(40) NOT NULL DEFAULT N'UnitedStates';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205120720_ClinicDateStyle'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205120720_ClinicDateStyle', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206021629_Appointments'
)
BEGIN
    ALTER TABLE [Services] ADD [MonitoringMinutes] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206021629_Appointments'
)
BEGIN
    CREATE TABLE [Resources] (
        [Id] int NOT NULL IDENTITY,
        [LocationId] int NOT NULL,
        [Name] nvarchar(60) NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [Capacity] int NOT NULL,
        [Takes] nvarchar(200) NOT NULL,
        [IsActive] bit NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Resources] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Resources_Capacity] CHECK ("Capacity" BETWEEN 1 AND 12),
        CONSTRAINT [FK_Resources_Locations_LocationId] FOREIGN KEY ([LocationId]) REFERENCES [Locations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206021629_Appointments'
)
BEGIN
    CREATE TABLE [Appointments] (
        [Id] int NOT NULL IDENTITY,
        [PatientId] int NOT NULL,
        [ServiceId] int NOT NULL,
        [ProviderId] int NOT NULL,
        [LocationId] int NOT NULL,
        [ResourceId] int NULL,
        [Place] int NOT NULL,
        [StartUtc] datetime2 NOT NULL,
        [EndUtc] datetime2 NOT NULL,
        [Status] nvarchar(40) NOT NULL,
        [HoldsTime] bit NOT NULL,
        [Note] nvarchar(200) NULL,
        [BookedBy] nvarchar(100) NOT NULL,
        [BookedAt] datetime2 NOT NULL,
        [CheckedInAt] datetime2 NULL,
        [CancelReason] nvarchar(200) NULL,
        [CancelledBy] nvarchar(100) NULL,
        [CancelledAt] datetime2 NULL,
        [LateCancellation] bit NOT NULL,
        [VisitId] int NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Appointments] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Appointments_Times] CHECK ("EndUtc" > "StartUtc"),
        CONSTRAINT [FK_Appointments_Locations_LocationId] FOREIGN KEY ([LocationId]) REFERENCES [Locations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Appointments_Patients_PatientId] FOREIGN KEY ([PatientId]) REFERENCES [Patients] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Appointments_Resources_ResourceId] FOREIGN KEY ([ResourceId]) REFERENCES [Resources] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Appointments_Services_ServiceId] FOREIGN KEY ([ServiceId]) REFERENCES [Services] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Appointments_StaffMembers_ProviderId] FOREIGN KEY ([ProviderId]) REFERENCES [StaffMembers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Appointments_Visits_VisitId] FOREIGN KEY ([VisitId]) REFERENCES [Visits] ([Id]) ON DELETE SET NULL
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206021629_Appointments'
)
BEGIN
    CREATE INDEX [IX_Appointments_LocationId_StartUtc] ON [Appointments] ([LocationId], [StartUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206021629_Appointments'
)
BEGIN
    CREATE INDEX [IX_Appointments_PatientId_StartUtc] ON [Appointments] ([PatientId], [StartUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206021629_Appointments'
)
BEGIN
    CREATE INDEX [IX_Appointments_ProviderId_StartUtc] ON [Appointments] ([ProviderId], [StartUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206021629_Appointments'
)
BEGIN
    CREATE INDEX [IX_Appointments_ResourceId_StartUtc] ON [Appointments] ([ResourceId], [StartUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206021629_Appointments'
)
BEGIN
    CREATE INDEX [IX_Appointments_ServiceId] ON [Appointments] ([ServiceId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206021629_Appointments'
)
BEGIN
    CREATE INDEX [IX_Appointments_VisitId] ON [Appointments] ([VisitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206021629_Appointments'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Resources_LocationId_Name] ON [Resources] ([LocationId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206021629_Appointments'
)
BEGIN
    EXEC(N'CREATE TRIGGER [TR_Appointments_NoOverlap] ON [Appointments] AFTER INSERT, UPDATE AS
                BEGIN
                    SET NOCOUNT ON;
                    IF EXISTS (SELECT 1 FROM inserted i JOIN [Appointments] a WITH (UPDLOCK, HOLDLOCK)
                        ON a.[Id] <> i.[Id] AND a.[ResourceId] = i.[ResourceId] AND a.[Place] = i.[Place] AND a.[StartUtc] < i.[EndUtc] AND i.[StartUtc] < a.[EndUtc]
                        WHERE i.[HoldsTime] = 1 AND a.[HoldsTime] = 1)
                        THROW 50001, ''appointment clash: Chair'', 1;
                    IF EXISTS (SELECT 1 FROM inserted i JOIN [Appointments] a WITH (UPDLOCK, HOLDLOCK)
                        ON a.[Id] <> i.[Id] AND a.[ProviderId] = i.[ProviderId] AND a.[StartUtc] < i.[EndUtc] AND i.[StartUtc] < a.[EndUtc]
                        WHERE i.[HoldsTime] = 1 AND a.[HoldsTime] = 1)
                        THROW 50001, ''appointment clash: Provider'', 1;
                    IF EXISTS (SELECT 1 FROM inserted i JOIN [Appointments] a WITH (UPDLOCK, HOLDLOCK)
                        ON a.[Id] <> i.[Id] AND a.[PatientId] = i.[PatientId] AND a.[StartUtc] < i.[EndUtc] AND i.[StartUtc] < a.[EndUtc]
                        WHERE i.[HoldsTime] = 1 AND a.[HoldsTime] = 1)
                        THROW 50001, ''appointment clash: Patient'', 1;
                END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206021629_Appointments'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206021629_Appointments', N'10.0.15');
END;

COMMIT;
GO

