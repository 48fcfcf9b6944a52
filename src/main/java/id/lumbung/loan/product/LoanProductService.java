package id.lumbung.loan.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.hibernate.exception.ConstraintViolationException;

import id.lumbung.audit.AuditTrail;
import id.lumbung.audit.Changes;
import id.lumbung.loan.ScheduleView;
import id.lumbung.loan.repayment.InstallmentState;
import id.lumbung.loan.schedule.RatePeriod;
import id.lumbung.loan.schedule.ScheduleCalculator;
import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.time.Timestamps;
import id.lumbung.settings.SettingsService;

/** Loan products: creating one, reading them, retiring one, and previewing the schedule a loan would get. */
@ApplicationScoped
public class LoanProductService {

    /** A monthly rate above this (120 % a year) is taken for a typing mistake, not a village loan. */
    static final BigDecimal MAX_MONTHLY_RATE = BigDecimal.TEN;

    private final SettingsService settings;

    private final AuditTrail audit;

    public LoanProductService(SettingsService settings, AuditTrail audit) {
        this.audit = audit;
        this.settings = settings;
    }

    @Transactional
    public LoanProductView create(UUID ledId, @NotNull @Valid LoanProductRequest request, String createdBy) {
        requireSensible(request);
        String name = request.name().strip();
        if (LoanProduct.count("ledId = ?1 and name = ?2", ledId, name) > 0) {
            throw duplicateName(name);
        }
        LoanProduct product = new LoanProduct();
        product.ledId = ledId;
        product.id = Ids.next();
        product.name = name;
        product.interestMethod = request.interestMethod();
        product.interestRate = request.interestRate();
        product.ratePeriod = request.ratePeriod();
        product.frequency = request.frequency();
        product.installments = request.installments();
        product.graceInstallments = request.graceInstallments();
        product.adminFeePercent = request.adminFeePercent();
        product.penaltyRatePerDay = request.penaltyRatePerDay();
        product.minPrincipal = request.minPrincipal() == null ? null : request.minPrincipal().value();
        product.maxPrincipal = request.maxPrincipal() == null ? null : request.maxPrincipal().value();
        product.minInstallments = request.minInstallments();
        product.maxInstallments = request.maxInstallments();
        product.active = true;
        product.createdAt = Timestamps.now();
        product.createdBy = createdBy;
        try {
            product.persistAndFlush();
        } catch (ConstraintViolationException e) {
            // Two managers creating the same name at once: the unique index decides, as the count did.
            throw duplicateName(name);
        }
        audit.record(ledId, "loan-product.created", "loan-product", product.id, Changes.of()
                .field("name", null, product.name).field("interestMethod", null, product.interestMethod)
                .field("interestRate", null, product.interestRate).field("ratePeriod", null, product.ratePeriod)
                .field("frequency", null, product.frequency).field("installments", null, product.installments)
                .field("active", null, true));
        return LoanProductView.from(product);
    }

    private static ApiException duplicateName(String name) {
        return new ApiException(ProblemType.DUPLICATE_PRODUCT_NAME,
                "a loan product named '" + name + "' already exists in this LED; a new version needs a new name");
    }

    @Transactional
    public LoanProductView get(UUID ledId, UUID productId) {
        return LoanProductView.from(require(ledId, productId));
    }

    /** Products in the order they were created, optionally only the active ones. */
    @Transactional
    public Page<LoanProductView> list(UUID ledId, Boolean active, int limit, String after) {
        UUID afterId = Cursor.afterId(after);
        List<LoanProduct> found = active == null
                ? LoanProduct.<LoanProduct>find("ledId = ?1 and id > ?2 order by id", ledId, afterId)
                        .page(0, limit + 1).list()
                : LoanProduct.<LoanProduct>find("ledId = ?1 and active = ?2 and id > ?3 order by id", ledId, active,
                        afterId).page(0, limit + 1).list();
        return Page.of(found, limit, LoanProductView::from, product -> product.id.toString());
    }

    /** Retires the product: loans already made keep it; no new loan may use it. */
    @Transactional
    public LoanProductView retire(UUID ledId, UUID productId, @NotNull @Valid LoanProductPatch patch) {
        LoanProduct product = LoanProduct.<LoanProduct>find("ledId = ?1 and id = ?2", ledId, productId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("loan product " + productId));
        boolean wasActive = product.active;
        product.active = false;
        if (wasActive) {
            audit.record(ledId, "loan-product.retired", "loan-product", productId,
                    Changes.of().field("active", true, false));
        }
        return LoanProductView.from(product);
    }

    /** The schedule a loan on this product would get, computed as a disbursement would; writes nothing. */
    @Transactional
    public ScheduleView preview(UUID ledId, UUID productId, @NotNull @Valid SchedulePreviewRequest request) {
        LoanProduct product = require(ledId, productId);
        LoanOffer offer = LoanOffer.of(product, request.principal(), request.installments(), request.interestRate());
        List<InstallmentState> states = ScheduleCalculator.schedule(offer.terms(settings.lending(ledId).rounding()),
                offer.principal(), request.disbursedOn()).stream().map(InstallmentState::fresh).toList();
        return ScheduleView.from(states);
    }

    private static LoanProduct require(UUID ledId, UUID productId) {
        LoanProduct product = LoanProduct.find(ledId, productId);
        if (product == null) {
            throw ApiException.notFound("loan product " + productId);
        }
        return product;
    }

    /** What Bean Validation cannot say alone: rates by their period, grace and the bounds against each other. */
    private static void requireSensible(LoanProductRequest request) {
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        // Bounds checked here rather than with @DecimalMin/@DecimalMax: the rates are strings in the
        // contract, where a numeric minimum means nothing to a client generator.
        requireBetween(request.interestRate(), BigDecimal.valueOf(100), "interestRate", errors);
        requireBetween(request.adminFeePercent(), BigDecimal.valueOf(20), "adminFeePercent", errors);
        requireBetween(request.penaltyRatePerDay(), BigDecimal.ONE, "penaltyRatePerDay", errors);
        if (request.ratePeriod() == RatePeriod.MONTH && request.interestRate().compareTo(MAX_MONTHLY_RATE) > 0) {
            errors.add(new Problem.FieldError("interestRate", "at most " + MAX_MONTHLY_RATE + " per MONTH"));
        }
        if (request.graceInstallments() >= request.installments()) {
            errors.add(new Problem.FieldError("graceInstallments", "must be fewer than the installments"));
        }
        requirePositive(request.minPrincipal(), "minPrincipal", errors);
        requirePositive(request.maxPrincipal(), "maxPrincipal", errors);
        if (request.minPrincipal() != null && request.maxPrincipal() != null
                && request.minPrincipal().compareTo(request.maxPrincipal()) > 0) {
            errors.add(new Problem.FieldError("minPrincipal", "must not be above maxPrincipal"));
        }
        Integer min = request.minInstallments();
        Integer max = request.maxInstallments();
        if (min != null && max != null && min > max) {
            errors.add(new Problem.FieldError("minInstallments", "must not be above maxInstallments"));
        }
        if (min != null && request.installments() < min || max != null && request.installments() > max) {
            errors.add(new Problem.FieldError("installments", "must lie between minInstallments and maxInstallments"));
        }
        if (min != null && min <= request.graceInstallments()) {
            errors.add(new Problem.FieldError("minInstallments", "must be more than the grace installments"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.ofFields(ProblemType.VALIDATION_FAILED, errors, "fields are invalid");
        }
    }

    private static void requireBetween(BigDecimal value, BigDecimal most, String field,
            List<Problem.FieldError> errors) {
        if (value != null && (value.signum() < 0 || value.compareTo(most) > 0)) {
            errors.add(new Problem.FieldError(field, "must be between 0 and " + most));
        }
    }

    private static void requirePositive(Amount amount, String field, List<Problem.FieldError> errors) {
        if (amount != null && !amount.isPositive()) {
            errors.add(new Problem.FieldError(field, "must be greater than zero"));
        }
    }
}
