package id.lumbung.loan.product;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.platform.cache.LoadingCache;
import id.lumbung.platform.error.ApiException;

/**
 * The terms of loan products, read on every repayment and every loan read. A product's terms are
 * never edited (the database refuses it; only {@code active} changes), so a product read once is
 * kept for the life of the process, safely across replicas, like the account catalog.
 */
@ApplicationScoped
public class ProductTermsCatalog {

    private record Key(UUID ledId, UUID productId) {
    }

    /** Loaded outside the cache's lock, so a cold start never queues transactions behind one read. */
    private final LoadingCache<Key, ProductTerms> known = new LoadingCache<>(50_000, key -> {
        LoanProduct product = LoanProduct.find(key.ledId(), key.productId());
        if (product == null) {
            throw ApiException.notFound("loan product " + key.productId());
        }
        return ProductTerms.of(product);
    });

    /** The product's terms; 404 when the LED has no such product. */
    public ProductTerms of(UUID ledId, UUID productId) {
        return known.get(new Key(ledId, productId));
    }
}
