package com.customk9.training.dog;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.ErrorCode;
import com.customk9.training.caller.Caller;

import io.smallrye.mutiny.Uni;

/** A dog another feature refers to (an appointment or a booking for it): one of the caller's active dogs, or none. */
@ApplicationScoped
public class MyDogs {

    private final DogService dogs;

    public MyDogs(DogService dogs) {
        this.dogs = dogs;
    }

    public Uni<Optional<Dog>> active(Caller caller, long id) {
        return dogs.get(caller, id)
                .map(dog -> dog.active() ? Optional.of(dog) : Optional.<Dog>empty())
                .onFailure(error -> error instanceof ApiException api && api.code() == ErrorCode.NOT_FOUND)
                .recoverWithItem(Optional.empty());
    }
}
