CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "IsDisabled" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL
);

CREATE TABLE "ClinicSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ClinicSettings" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "BillingAddress_Line1" TEXT NOT NULL,
    "BillingAddress_Line2" TEXT NULL,
    "BillingAddress_City" TEXT NOT NULL,
    "BillingAddress_State" TEXT NOT NULL,
    "BillingAddress_PostalCode" TEXT NOT NULL,
    "ServiceFacilityAddress_Line1" TEXT NOT NULL,
    "ServiceFacilityAddress_Line2" TEXT NULL,
    "ServiceFacilityAddress_City" TEXT NOT NULL,
    "ServiceFacilityAddress_State" TEXT NOT NULL,
    "ServiceFacilityAddress_PostalCode" TEXT NOT NULL,
    "Phone" TEXT NOT NULL,
    "TaxId" TEXT NOT NULL,
    "GroupNpi" TEXT NOT NULL,
    "TimeZoneId" TEXT NOT NULL,
    "DefaultPlaceOfService" TEXT NOT NULL,
    "SuperbillFooter" TEXT NOT NULL,
    "ShowPatientNamesInReports" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL
);

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NOT NULL,
    "Xml" TEXT NOT NULL
);

CREATE TABLE "Patients" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Patients" PRIMARY KEY AUTOINCREMENT,
    "Mrn" TEXT NOT NULL,
    "FirstName" TEXT NOT NULL,
    "LastName" TEXT NOT NULL,
    "DateOfBirth" TEXT NOT NULL,
    "Sex" TEXT NULL,
    "Email" TEXT NULL,
    "Phone" TEXT NULL,
    "Address_Line1" TEXT NOT NULL,
    "Address_Line2" TEXT NULL,
    "Address_City" TEXT NOT NULL,
    "Address_State" TEXT NOT NULL,
    "Address_PostalCode" TEXT NOT NULL,
    "InsurancePayer" TEXT NULL,
    "InsuranceMemberId" TEXT NULL,
    "WeightKg" TEXT NULL,
    "HasUncontrolledHypertension" INTEGER NOT NULL,
    "HasPsychosisHistory" INTEGER NOT NULL,
    "IsPregnant" INTEGER NOT NULL,
    "HasSevereLiverDisease" INTEGER NOT NULL,
    "HasSubstanceMisuse" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL
);

CREATE TABLE "Services" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Services" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Category" TEXT NOT NULL,
    "BillingCode" TEXT NOT NULL,
    "Modifiers" TEXT NULL,
    "DefaultUnits" TEXT NOT NULL,
    "DefaultDurationMinutes" INTEGER NULL,
    "IsActive" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "StaffMembers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_StaffMembers" PRIMARY KEY AUTOINCREMENT,
    "FirstName" TEXT NOT NULL,
    "LastName" TEXT NOT NULL,
    "Credentials" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Email" TEXT NULL,
    "Phone" TEXT NULL,
    "Npi" TEXT NULL,
    "LicenseNumber" TEXT NULL,
    "LicenseState" TEXT NULL,
    "LicenseExpiresOn" TEXT NULL,
    "BoardCertifications" TEXT NULL,
    "IsRenderingProvider" INTEGER NOT NULL,
    "StartDate" TEXT NOT NULL,
    "EndDate" TEXT NULL,
    "Bio" TEXT NULL,
    "UserId" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_StaffMembers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL
);

CREATE TABLE "Documents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Documents" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "RequestKey" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "DocumentNumber" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "Sha256" TEXT NOT NULL,
    "PatientId" INTEGER NULL,
    "PeriodStart" TEXT NULL,
    "PeriodEnd" TEXT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "VoidedAt" TEXT NULL,
    "VoidedBy" TEXT NULL,
    "SupersededById" INTEGER NULL,
    CONSTRAINT "FK_Documents_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PatientDiagnoses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PatientDiagnoses" PRIMARY KEY AUTOINCREMENT,
    "PatientId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "IsPrimary" INTEGER NOT NULL,
    "DiagnosedOn" TEXT NULL,
    CONSTRAINT "FK_PatientDiagnoses_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TreatmentCourses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TreatmentCourses" PRIMARY KEY AUTOINCREMENT,
    "PatientId" INTEGER NOT NULL,
    "Indication" TEXT NOT NULL,
    "PlannedSessions" INTEGER NOT NULL,
    "StartDate" TEXT NOT NULL,
    "EndDate" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Notes" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_TreatmentCourses_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ServicePrices" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServicePrices" PRIMARY KEY AUTOINCREMENT,
    "ServiceId" INTEGER NOT NULL,
    "Amount" TEXT NOT NULL,
    "EffectiveFrom" TEXT NOT NULL,
    "SetBy" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "SetAt" TEXT NOT NULL,
    "CancelledAt" TEXT NULL,
    "CancelledBy" TEXT NULL,
    CONSTRAINT "FK_ServicePrices_Services_ServiceId" FOREIGN KEY ("ServiceId") REFERENCES "Services" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Availability" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Availability" PRIMARY KEY AUTOINCREMENT,
    "StaffMemberId" INTEGER NOT NULL,
    "Day" INTEGER NOT NULL,
    "Start" TEXT NOT NULL,
    "End" TEXT NOT NULL,
    CONSTRAINT "FK_Availability_StaffMembers_StaffMemberId" FOREIGN KEY ("StaffMemberId") REFERENCES "StaffMembers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CourseDiagnoses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CourseDiagnoses" PRIMARY KEY AUTOINCREMENT,
    "TreatmentCourseId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    CONSTRAINT "FK_CourseDiagnoses_TreatmentCourses_TreatmentCourseId" FOREIGN KEY ("TreatmentCourseId") REFERENCES "TreatmentCourses" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Visits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Visits" PRIMARY KEY AUTOINCREMENT,
    "PatientId" INTEGER NOT NULL,
    "TreatmentCourseId" INTEGER NULL,
    "RenderingProviderId" INTEGER NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "DischargedAt" TEXT NULL,
    "PlaceOfService" TEXT NOT NULL,
    "Route" TEXT NOT NULL,
    "DoseMg" TEXT NULL,
    "WeightKg" TEXT NULL,
    "InfusionMinutes" INTEGER NULL,
    "SessionNumber" INTEGER NULL,
    "VitalsBefore_Systolic" INTEGER NULL,
    "VitalsBefore_Diastolic" INTEGER NULL,
    "VitalsBefore_HeartRate" INTEGER NULL,
    "VitalsBefore_SpO2" INTEGER NULL,
    "VitalsAt40Min_Systolic" INTEGER NULL,
    "VitalsAt40Min_Diastolic" INTEGER NULL,
    "VitalsAt40Min_HeartRate" INTEGER NULL,
    "VitalsAt40Min_SpO2" INTEGER NULL,
    "VitalsAtDischarge_Systolic" INTEGER NULL,
    "VitalsAtDischarge_Diastolic" INTEGER NULL,
    "VitalsAtDischarge_HeartRate" INTEGER NULL,
    "VitalsAtDischarge_SpO2" INTEGER NULL,
    "Notes" TEXT NULL,
    "SubmissionKey" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_Visits_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Visits_StaffMembers_RenderingProviderId" FOREIGN KEY ("RenderingProviderId") REFERENCES "StaffMembers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Visits_TreatmentCourses_TreatmentCourseId" FOREIGN KEY ("TreatmentCourseId") REFERENCES "TreatmentCourses" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Assessments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Assessments" PRIMARY KEY AUTOINCREMENT,
    "PatientId" INTEGER NOT NULL,
    "TreatmentCourseId" INTEGER NULL,
    "VisitId" INTEGER NULL,
    "Instrument" TEXT NOT NULL,
    "TakenAt" TEXT NOT NULL,
    "TotalScore" INTEGER NOT NULL,
    "Items" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_Assessments_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Assessments_TreatmentCourses_TreatmentCourseId" FOREIGN KEY ("TreatmentCourseId") REFERENCES "TreatmentCourses" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Assessments_Visits_VisitId" FOREIGN KEY ("VisitId") REFERENCES "Visits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ChargeLines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ChargeLines" PRIMARY KEY AUTOINCREMENT,
    "VisitId" INTEGER NOT NULL,
    "ServiceId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Modifiers" TEXT NULL,
    "Description" TEXT NOT NULL,
    "Units" TEXT NOT NULL,
    "UnitPrice" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "IsAddOn" INTEGER NOT NULL,
    "DiagnosisPointers" TEXT NOT NULL,
    "Detail" TEXT NULL,
    CONSTRAINT "FK_ChargeLines_Services_ServiceId" FOREIGN KEY ("ServiceId") REFERENCES "Services" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ChargeLines_Visits_VisitId" FOREIGN KEY ("VisitId") REFERENCES "Visits" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Incidents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Incidents" PRIMARY KEY AUTOINCREMENT,
    "PatientId" INTEGER NOT NULL,
    "VisitId" INTEGER NULL,
    "Type" TEXT NOT NULL,
    "Drug" TEXT NULL,
    "Route" TEXT NOT NULL,
    "DoseMg" TEXT NULL,
    "LotNumber" TEXT NULL,
    "OnsetMinutesAfterDose" INTEGER NULL,
    "OccurredAt" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Vitals_Systolic" INTEGER NULL,
    "Vitals_Diastolic" INTEGER NULL,
    "Vitals_HeartRate" INTEGER NULL,
    "Vitals_SpO2" INTEGER NULL,
    "Grade" INTEGER NOT NULL,
    "Serious" INTEGER NOT NULL,
    "ActionTaken" TEXT NULL,
    "RescueMedication" TEXT NULL,
    "RescueDose" TEXT NULL,
    "RescueGivenAt" TEXT NULL,
    "ResolvedAt" TEXT NULL,
    "Outcome" TEXT NOT NULL,
    "FollowUp" TEXT NULL,
    "ReportedBy" TEXT NOT NULL,
    "ReportableToMedWatch" INTEGER NOT NULL,
    "ReportableToRems" INTEGER NOT NULL,
    "ReviewedBy" TEXT NULL,
    "SignedOffAt" TEXT NULL,
    "ReviewNotes" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_Incidents_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Incidents_Visits_VisitId" FOREIGN KEY ("VisitId") REFERENCES "Visits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Payments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Payments" PRIMARY KEY AUTOINCREMENT,
    "PatientId" INTEGER NOT NULL,
    "VisitId" INTEGER NULL,
    "ReceivedAt" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "Reference" TEXT NULL,
    "RecordedBy" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_Payments_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Payments_Visits_VisitId" FOREIGN KEY ("VisitId") REFERENCES "Visits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "IncidentAddenda" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IncidentAddenda" PRIMARY KEY AUTOINCREMENT,
    "IncidentId" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Author" TEXT NOT NULL,
    "WrittenAt" TEXT NOT NULL,
    CONSTRAINT "FK_IncidentAddenda_Incidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "Incidents" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_Assessments_PatientId_Instrument_TakenAt" ON "Assessments" ("PatientId", "Instrument", "TakenAt");

CREATE INDEX "IX_Assessments_TreatmentCourseId_Instrument_TakenAt" ON "Assessments" ("TreatmentCourseId", "Instrument", "TakenAt");

CREATE INDEX "IX_Assessments_VisitId" ON "Assessments" ("VisitId");

CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");

CREATE INDEX "IX_AuditEntries_EntityType_EntityId" ON "AuditEntries" ("EntityType", "EntityId");

CREATE INDEX "IX_AuditEntries_UserName" ON "AuditEntries" ("UserName");

CREATE INDEX "IX_Availability_StaffMemberId_Day" ON "Availability" ("StaffMemberId", "Day");

CREATE INDEX "IX_ChargeLines_ServiceId" ON "ChargeLines" ("ServiceId");

CREATE INDEX "IX_ChargeLines_VisitId" ON "ChargeLines" ("VisitId");

CREATE UNIQUE INDEX "IX_CourseDiagnoses_TreatmentCourseId_Position" ON "CourseDiagnoses" ("TreatmentCourseId", "Position");

CREATE UNIQUE INDEX "IX_Documents_DocumentNumber" ON "Documents" ("DocumentNumber");

CREATE INDEX "IX_Documents_PatientId_CreatedAt" ON "Documents" ("PatientId", "CreatedAt");

CREATE UNIQUE INDEX "IX_Documents_RequestKey_Version" ON "Documents" ("RequestKey", "Version");

CREATE INDEX "IX_IncidentAddenda_IncidentId" ON "IncidentAddenda" ("IncidentId");

CREATE INDEX "IX_Incidents_OccurredAt" ON "Incidents" ("OccurredAt");

CREATE INDEX "IX_Incidents_PatientId_OccurredAt" ON "Incidents" ("PatientId", "OccurredAt");

CREATE INDEX "IX_Incidents_VisitId" ON "Incidents" ("VisitId");

CREATE UNIQUE INDEX "IX_PatientDiagnoses_PatientId_Code" ON "PatientDiagnoses" ("PatientId", "Code");

CREATE INDEX "IX_Patients_DateOfBirth" ON "Patients" ("DateOfBirth");

CREATE INDEX "IX_Patients_LastName_FirstName" ON "Patients" ("LastName", "FirstName");

CREATE UNIQUE INDEX "IX_Patients_Mrn" ON "Patients" ("Mrn");

CREATE INDEX "IX_Payments_PatientId_ReceivedAt" ON "Payments" ("PatientId", "ReceivedAt");

CREATE INDEX "IX_Payments_VisitId" ON "Payments" ("VisitId");

CREATE INDEX "IX_ServicePrices_ServiceId_EffectiveFrom" ON "ServicePrices" ("ServiceId", "EffectiveFrom");

CREATE UNIQUE INDEX "IX_Services_BillingCode_Modifiers_Name" ON "Services" ("BillingCode", "Modifiers", "Name");

CREATE INDEX "IX_StaffMembers_LastName_FirstName" ON "StaffMembers" ("LastName", "FirstName");

CREATE UNIQUE INDEX "IX_StaffMembers_Npi" ON "StaffMembers" ("Npi");

CREATE UNIQUE INDEX "IX_StaffMembers_UserId" ON "StaffMembers" ("UserId");

CREATE INDEX "IX_TreatmentCourses_PatientId_StartDate" ON "TreatmentCourses" ("PatientId", "StartDate");

CREATE INDEX "IX_Visits_PatientId_StartedAt" ON "Visits" ("PatientId", "StartedAt");

CREATE INDEX "IX_Visits_RenderingProviderId_StartedAt" ON "Visits" ("RenderingProviderId", "StartedAt");

CREATE INDEX "IX_Visits_StartedAt" ON "Visits" ("StartedAt");

CREATE UNIQUE INDEX "IX_Visits_SubmissionKey" ON "Visits" ("SubmissionKey");

CREATE INDEX "IX_Visits_TreatmentCourseId" ON "Visits" ("TreatmentCourseId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261121194417_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "JobRuns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_JobRuns" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "RequestKey" TEXT NOT NULL,
    "Parameters" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "PatientId" INTEGER NULL,
    "RequestedBy" TEXT NOT NULL,
    "RequestedByUserId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "MaxAttempts" INTEGER NOT NULL,
    "ProgressDone" INTEGER NOT NULL,
    "ProgressTotal" INTEGER NOT NULL,
    "ProgressText" TEXT NULL,
    "Error" TEXT NULL,
    "CancelRequested" INTEGER NOT NULL,
    "DocumentId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "StartedAt" TEXT NULL,
    "FinishedAt" TEXT NULL,
    "NextAttemptAt" TEXT NULL,
    "RunningOn" TEXT NULL
);

CREATE INDEX "IX_JobRuns_RequestedByUserId_CreatedAt" ON "JobRuns" ("RequestedByUserId", "CreatedAt");

CREATE UNIQUE INDEX "IX_JobRuns_RequestKey" ON "JobRuns" ("RequestKey");

CREATE INDEX "IX_JobRuns_Status_CreatedAt" ON "JobRuns" ("Status", "CreatedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261121200410_JobRuns', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "PatientLinks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PatientLinks" PRIMARY KEY AUTOINCREMENT,
    "DocumentId" INTEGER NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "FailedAttempts" INTEGER NOT NULL,
    "LockedAt" TEXT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastUsedAt" TEXT NULL,
    CONSTRAINT "FK_PatientLinks_Documents_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "Documents" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_PatientLinks_DocumentId" ON "PatientLinks" ("DocumentId");

CREATE UNIQUE INDEX "IX_PatientLinks_TokenHash" ON "PatientLinks" ("TokenHash");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261121205156_PatientLinks', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Visits" ADD "LocationId" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Documents" ADD "LocationId" INTEGER NULL;

CREATE TABLE "Locations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Locations" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "ServiceFacilityAddress_Line1" TEXT NOT NULL,
    "ServiceFacilityAddress_Line2" TEXT NULL,
    "ServiceFacilityAddress_City" TEXT NOT NULL,
    "ServiceFacilityAddress_State" TEXT NOT NULL,
    "ServiceFacilityAddress_PostalCode" TEXT NOT NULL,
    "Phone" TEXT NOT NULL,
    "FacilityNpi" TEXT NULL,
    "DefaultPlaceOfService" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL
);

INSERT INTO "Locations" ("Code", "Name", "ServiceFacilityAddress_Line1", "ServiceFacilityAddress_Line2", "ServiceFacilityAddress_City",
    "ServiceFacilityAddress_State", "ServiceFacilityAddress_PostalCode", "Phone", "FacilityNpi", "DefaultPlaceOfService", "IsActive", "ConcurrencyStamp")
SELECT 'MAIN', CASE WHEN trim(s."Name") = '' THEN 'Main location' ELSE s."Name" END, s."ServiceFacilityAddress_Line1", s."ServiceFacilityAddress_Line2",
    s."ServiceFacilityAddress_City", s."ServiceFacilityAddress_State", s."ServiceFacilityAddress_PostalCode", s."Phone", NULL,
    CASE WHEN s."DefaultPlaceOfService" = '' THEN '11' ELSE s."DefaultPlaceOfService" END, 1, upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
FROM "ClinicSettings" s ORDER BY s."Id" LIMIT 1;

INSERT INTO "Locations" ("Code", "Name", "ServiceFacilityAddress_Line1", "ServiceFacilityAddress_City", "ServiceFacilityAddress_State",
    "ServiceFacilityAddress_PostalCode", "Phone", "DefaultPlaceOfService", "IsActive", "ConcurrencyStamp")
SELECT 'MAIN', 'Main location', '', '', '', '', '', '11', 1, upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
WHERE NOT EXISTS (SELECT 1 FROM "Locations") AND EXISTS (SELECT 1 FROM "Visits");

UPDATE "Visits" SET "LocationId" = (SELECT MIN("Id") FROM "Locations");

CREATE INDEX "IX_Visits_LocationId_StartedAt" ON "Visits" ("LocationId", "StartedAt");

CREATE INDEX "IX_Documents_Kind_PeriodStart_LocationId" ON "Documents" ("Kind", "PeriodStart", "LocationId");

CREATE INDEX "IX_Documents_LocationId" ON "Documents" ("LocationId");

CREATE UNIQUE INDEX "IX_Locations_Code" ON "Locations" ("Code");

CREATE UNIQUE INDEX "IX_Locations_Name" ON "Locations" ("Name");

CREATE TABLE "ef_temp_Documents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Documents" PRIMARY KEY AUTOINCREMENT,
    "Content" BLOB NOT NULL,
    "ContentType" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "DocumentNumber" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "LocationId" INTEGER NULL,
    "PatientId" INTEGER NULL,
    "PeriodEnd" TEXT NULL,
    "PeriodStart" TEXT NULL,
    "RequestKey" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "SupersededById" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    "VoidedAt" TEXT NULL,
    "VoidedBy" TEXT NULL,
    CONSTRAINT "FK_Documents_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Documents_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_Documents" ("Id", "Content", "ContentType", "CreatedAt", "CreatedBy", "DocumentNumber", "FileName", "Kind", "LocationId", "PatientId", "PeriodEnd", "PeriodStart", "RequestKey", "Sha256", "SupersededById", "Version", "VoidedAt", "VoidedBy")
SELECT "Id", "Content", "ContentType", "CreatedAt", "CreatedBy", "DocumentNumber", "FileName", "Kind", "LocationId", "PatientId", "PeriodEnd", "PeriodStart", "RequestKey", "Sha256", "SupersededById", "Version", "VoidedAt", "VoidedBy"
FROM "Documents";

CREATE TABLE "ef_temp_Visits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Visits" PRIMARY KEY AUTOINCREMENT,
    "ConcurrencyStamp" TEXT NOT NULL,
    "DischargedAt" TEXT NULL,
    "DoseMg" TEXT NULL,
    "InfusionMinutes" INTEGER NULL,
    "LocationId" INTEGER NOT NULL,
    "Notes" TEXT NULL,
    "PatientId" INTEGER NOT NULL,
    "PlaceOfService" TEXT NOT NULL,
    "RenderingProviderId" INTEGER NOT NULL,
    "Route" TEXT NOT NULL,
    "SessionNumber" INTEGER NULL,
    "StartedAt" TEXT NOT NULL,
    "SubmissionKey" TEXT NOT NULL,
    "TreatmentCourseId" INTEGER NULL,
    "VitalsAt40Min_Diastolic" INTEGER NULL,
    "VitalsAt40Min_HeartRate" INTEGER NULL,
    "VitalsAt40Min_SpO2" INTEGER NULL,
    "VitalsAt40Min_Systolic" INTEGER NULL,
    "VitalsAtDischarge_Diastolic" INTEGER NULL,
    "VitalsAtDischarge_HeartRate" INTEGER NULL,
    "VitalsAtDischarge_SpO2" INTEGER NULL,
    "VitalsAtDischarge_Systolic" INTEGER NULL,
    "VitalsBefore_Diastolic" INTEGER NULL,
    "VitalsBefore_HeartRate" INTEGER NULL,
    "VitalsBefore_SpO2" INTEGER NULL,
    "VitalsBefore_Systolic" INTEGER NULL,
    "WeightKg" TEXT NULL,
    CONSTRAINT "FK_Visits_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Visits_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Visits_StaffMembers_RenderingProviderId" FOREIGN KEY ("RenderingProviderId") REFERENCES "StaffMembers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Visits_TreatmentCourses_TreatmentCourseId" FOREIGN KEY ("TreatmentCourseId") REFERENCES "TreatmentCourses" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_Visits" ("Id", "ConcurrencyStamp", "DischargedAt", "DoseMg", "InfusionMinutes", "LocationId", "Notes", "PatientId", "PlaceOfService", "RenderingProviderId", "Route", "SessionNumber", "StartedAt", "SubmissionKey", "TreatmentCourseId", "VitalsAt40Min_Diastolic", "VitalsAt40Min_HeartRate", "VitalsAt40Min_SpO2", "VitalsAt40Min_Systolic", "VitalsAtDischarge_Diastolic", "VitalsAtDischarge_HeartRate", "VitalsAtDischarge_SpO2", "VitalsAtDischarge_Systolic", "VitalsBefore_Diastolic", "VitalsBefore_HeartRate", "VitalsBefore_SpO2", "VitalsBefore_Systolic", "WeightKg")
SELECT "Id", "ConcurrencyStamp", "DischargedAt", "DoseMg", "InfusionMinutes", "LocationId", "Notes", "PatientId", "PlaceOfService", "RenderingProviderId", "Route", "SessionNumber", "StartedAt", "SubmissionKey", "TreatmentCourseId", "VitalsAt40Min_Diastolic", "VitalsAt40Min_HeartRate", "VitalsAt40Min_SpO2", "VitalsAt40Min_Systolic", "VitalsAtDischarge_Diastolic", "VitalsAtDischarge_HeartRate", "VitalsAtDischarge_SpO2", "VitalsAtDischarge_Systolic", "VitalsBefore_Diastolic", "VitalsBefore_HeartRate", "VitalsBefore_SpO2", "VitalsBefore_Systolic", "WeightKg"
FROM "Visits";

CREATE TABLE "ef_temp_ClinicSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ClinicSettings" PRIMARY KEY AUTOINCREMENT,
    "BillingAddress_City" TEXT NOT NULL,
    "BillingAddress_Line1" TEXT NOT NULL,
    "BillingAddress_Line2" TEXT NULL,
    "BillingAddress_PostalCode" TEXT NOT NULL,
    "BillingAddress_State" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "GroupNpi" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Phone" TEXT NOT NULL,
    "ShowPatientNamesInReports" INTEGER NOT NULL,
    "SuperbillFooter" TEXT NOT NULL,
    "TaxId" TEXT NOT NULL,
    "TimeZoneId" TEXT NOT NULL
);

INSERT INTO "ef_temp_ClinicSettings" ("Id", "BillingAddress_City", "BillingAddress_Line1", "BillingAddress_Line2", "BillingAddress_PostalCode", "BillingAddress_State", "ConcurrencyStamp", "GroupNpi", "Name", "Phone", "ShowPatientNamesInReports", "SuperbillFooter", "TaxId", "TimeZoneId")
SELECT "Id", "BillingAddress_City", "BillingAddress_Line1", "BillingAddress_Line2", "BillingAddress_PostalCode", "BillingAddress_State", "ConcurrencyStamp", "GroupNpi", "Name", "Phone", "ShowPatientNamesInReports", "SuperbillFooter", "TaxId", "TimeZoneId"
FROM "ClinicSettings";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "Documents";

ALTER TABLE "ef_temp_Documents" RENAME TO "Documents";

DROP TABLE "Visits";

ALTER TABLE "ef_temp_Visits" RENAME TO "Visits";

DROP TABLE "ClinicSettings";

ALTER TABLE "ef_temp_ClinicSettings" RENAME TO "ClinicSettings";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE UNIQUE INDEX "IX_Documents_DocumentNumber" ON "Documents" ("DocumentNumber");

CREATE INDEX "IX_Documents_Kind_PeriodStart_LocationId" ON "Documents" ("Kind", "PeriodStart", "LocationId");

CREATE INDEX "IX_Documents_LocationId" ON "Documents" ("LocationId");

CREATE INDEX "IX_Documents_PatientId_CreatedAt" ON "Documents" ("PatientId", "CreatedAt");

CREATE UNIQUE INDEX "IX_Documents_RequestKey_Version" ON "Documents" ("RequestKey", "Version");

CREATE INDEX "IX_Visits_LocationId_StartedAt" ON "Visits" ("LocationId", "StartedAt");

CREATE INDEX "IX_Visits_PatientId_StartedAt" ON "Visits" ("PatientId", "StartedAt");

CREATE INDEX "IX_Visits_RenderingProviderId_StartedAt" ON "Visits" ("RenderingProviderId", "StartedAt");

CREATE INDEX "IX_Visits_StartedAt" ON "Visits" ("StartedAt");

CREATE UNIQUE INDEX "IX_Visits_SubmissionKey" ON "Visits" ("SubmissionKey");

CREATE INDEX "IX_Visits_TreatmentCourseId" ON "Visits" ("TreatmentCourseId");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261121224151_Locations', '10.0.15');

BEGIN TRANSACTION;
CREATE TABLE "AccessLog" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AccessLog" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NOT NULL,
    "PatientId" INTEGER NULL,
    "Page" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "SearchKind" TEXT NULL
);

CREATE INDEX "IX_AccessLog_At" ON "AccessLog" ("At");

CREATE INDEX "IX_AccessLog_PatientId_At" ON "AccessLog" ("PatientId", "At");

CREATE TRIGGER "AccessLog_no_update" BEFORE UPDATE ON "AccessLog"
BEGIN SELECT RAISE(ABORT, 'The access log is append-only'); END;

CREATE TRIGGER "AccessLog_no_delete" BEFORE DELETE ON "AccessLog"
BEGIN SELECT RAISE(ABORT, 'The access log is append-only'); END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204142450_AccessLog', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "ClinicSettings" ADD "VitalLimits_DiastolicAtOrAbove" INTEGER NOT NULL DEFAULT 100;

ALTER TABLE "ClinicSettings" ADD "VitalLimits_HeartRateAtOrAbove" INTEGER NOT NULL DEFAULT 110;

ALTER TABLE "ClinicSettings" ADD "VitalLimits_HeartRateAtOrBelow" INTEGER NOT NULL DEFAULT 50;

ALTER TABLE "ClinicSettings" ADD "VitalLimits_SpO2Below" INTEGER NOT NULL DEFAULT 92;

ALTER TABLE "ClinicSettings" ADD "VitalLimits_SystolicAtOrAbove" INTEGER NOT NULL DEFAULT 160;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205072410_VisitVitalLimits', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "TreatmentCourses" ADD "SupervisingProviderId" INTEGER NULL;

CREATE INDEX "IX_TreatmentCourses_SupervisingProviderId" ON "TreatmentCourses" ("SupervisingProviderId");

CREATE TABLE "ef_temp_TreatmentCourses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TreatmentCourses" PRIMARY KEY AUTOINCREMENT,
    "ConcurrencyStamp" TEXT NOT NULL,
    "EndDate" TEXT NULL,
    "Indication" TEXT NOT NULL,
    "Notes" TEXT NULL,
    "PatientId" INTEGER NOT NULL,
    "PlannedSessions" INTEGER NOT NULL,
    "StartDate" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "SupervisingProviderId" INTEGER NULL,
    CONSTRAINT "FK_TreatmentCourses_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_TreatmentCourses_StaffMembers_SupervisingProviderId" FOREIGN KEY ("SupervisingProviderId") REFERENCES "StaffMembers" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_TreatmentCourses" ("Id", "ConcurrencyStamp", "EndDate", "Indication", "Notes", "PatientId", "PlannedSessions", "StartDate", "Status", "SupervisingProviderId")
SELECT "Id", "ConcurrencyStamp", "EndDate", "Indication", "Notes", "PatientId", "PlannedSessions", "StartDate", "Status", "SupervisingProviderId"
FROM "TreatmentCourses";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "TreatmentCourses";

ALTER TABLE "ef_temp_TreatmentCourses" RENAME TO "TreatmentCourses";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_TreatmentCourses_PatientId_StartDate" ON "TreatmentCourses" ("PatientId", "StartDate");

CREATE INDEX "IX_TreatmentCourses_SupervisingProviderId" ON "TreatmentCourses" ("SupervisingProviderId");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205073554_SuperbillSigner', '10.0.15');

BEGIN TRANSACTION;
ALTER TABLE "ClinicSettings" ADD "DateStyle" TEXT NOT NULL DEFAULT 'UnitedStates';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205120633_ClinicDateStyle', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Services" ADD "MonitoringMinutes" INTEGER NULL;

CREATE TABLE "Resources" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Resources" PRIMARY KEY AUTOINCREMENT,
    "LocationId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Capacity" INTEGER NOT NULL,
    "Takes" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "CK_Resources_Capacity" CHECK ("Capacity" BETWEEN 1 AND 12),
    CONSTRAINT "FK_Resources_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Appointments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Appointments" PRIMARY KEY AUTOINCREMENT,
    "PatientId" INTEGER NOT NULL,
    "ServiceId" INTEGER NOT NULL,
    "ProviderId" INTEGER NOT NULL,
    "LocationId" INTEGER NOT NULL,
    "ResourceId" INTEGER NULL,
    "Place" INTEGER NOT NULL,
    "StartUtc" TEXT NOT NULL,
    "EndUtc" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "HoldsTime" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "BookedBy" TEXT NOT NULL,
    "BookedAt" TEXT NOT NULL,
    "CheckedInAt" TEXT NULL,
    "CancelReason" TEXT NULL,
    "CancelledBy" TEXT NULL,
    "CancelledAt" TEXT NULL,
    "LateCancellation" INTEGER NOT NULL,
    "VisitId" INTEGER NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "CK_Appointments_Times" CHECK ("EndUtc" > "StartUtc"),
    CONSTRAINT "FK_Appointments_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Appointments_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Appointments_Resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "Resources" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Appointments_Services_ServiceId" FOREIGN KEY ("ServiceId") REFERENCES "Services" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Appointments_StaffMembers_ProviderId" FOREIGN KEY ("ProviderId") REFERENCES "StaffMembers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Appointments_Visits_VisitId" FOREIGN KEY ("VisitId") REFERENCES "Visits" ("Id") ON DELETE SET NULL
);

CREATE INDEX "IX_Appointments_LocationId_StartUtc" ON "Appointments" ("LocationId", "StartUtc");

CREATE INDEX "IX_Appointments_PatientId_StartUtc" ON "Appointments" ("PatientId", "StartUtc");

CREATE INDEX "IX_Appointments_ProviderId_StartUtc" ON "Appointments" ("ProviderId", "StartUtc");

CREATE INDEX "IX_Appointments_ResourceId_StartUtc" ON "Appointments" ("ResourceId", "StartUtc");

CREATE INDEX "IX_Appointments_ServiceId" ON "Appointments" ("ServiceId");

CREATE INDEX "IX_Appointments_VisitId" ON "Appointments" ("VisitId");

CREATE UNIQUE INDEX "IX_Resources_LocationId_Name" ON "Resources" ("LocationId", "Name");

CREATE TRIGGER "TR_Appointments_NoOverlap_Insert" BEFORE INSERT ON "Appointments" WHEN NEW."HoldsTime"
                BEGIN
                    SELECT RAISE(ABORT, 'appointment clash: Chair') WHERE EXISTS (SELECT 1 FROM "Appointments" a
                        WHERE a."HoldsTime" AND a."ResourceId" = NEW."ResourceId" AND a."Place" = NEW."Place" AND a."StartUtc" < NEW."EndUtc" AND NEW."StartUtc" < a."EndUtc");
                    SELECT RAISE(ABORT, 'appointment clash: Provider') WHERE EXISTS (SELECT 1 FROM "Appointments" a
                        WHERE a."HoldsTime" AND a."ProviderId" = NEW."ProviderId" AND a."StartUtc" < NEW."EndUtc" AND NEW."StartUtc" < a."EndUtc");
                    SELECT RAISE(ABORT, 'appointment clash: Patient') WHERE EXISTS (SELECT 1 FROM "Appointments" a
                        WHERE a."HoldsTime" AND a."PatientId" = NEW."PatientId" AND a."StartUtc" < NEW."EndUtc" AND NEW."StartUtc" < a."EndUtc");
                END;

CREATE TRIGGER "TR_Appointments_NoOverlap_Update"
                BEFORE UPDATE OF "StartUtc", "EndUtc", "ResourceId", "Place", "ProviderId", "PatientId", "HoldsTime" ON "Appointments" WHEN NEW."HoldsTime"
                BEGIN
                    SELECT RAISE(ABORT, 'appointment clash: Chair') WHERE EXISTS (SELECT 1 FROM "Appointments" a
                        WHERE a."HoldsTime" AND a."ResourceId" = NEW."ResourceId" AND a."Place" = NEW."Place" AND a."Id" <> NEW."Id" AND a."StartUtc" < NEW."EndUtc" AND NEW."StartUtc" < a."EndUtc");
                    SELECT RAISE(ABORT, 'appointment clash: Provider') WHERE EXISTS (SELECT 1 FROM "Appointments" a
                        WHERE a."HoldsTime" AND a."ProviderId" = NEW."ProviderId" AND a."Id" <> NEW."Id" AND a."StartUtc" < NEW."EndUtc" AND NEW."StartUtc" < a."EndUtc");
                    SELECT RAISE(ABORT, 'appointment clash: Patient') WHERE EXISTS (SELECT 1 FROM "Appointments" a
                        WHERE a."HoldsTime" AND a."PatientId" = NEW."PatientId" AND a."Id" <> NEW."Id" AND a."StartUtc" < NEW."EndUtc" AND NEW."StartUtc" < a."EndUtc");
                END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206021607_Appointments', '10.0.15');

COMMIT;

