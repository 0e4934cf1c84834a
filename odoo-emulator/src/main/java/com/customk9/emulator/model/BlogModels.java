package com.customk9.emulator.model;

import static com.customk9.emulator.model.FieldDef.bool;
import static com.customk9.emulator.model.FieldDef.chars;
import static com.customk9.emulator.model.FieldDef.datetime;
import static com.customk9.emulator.model.FieldDef.html;
import static com.customk9.emulator.model.FieldDef.integer;
import static com.customk9.emulator.model.FieldDef.many2many;
import static com.customk9.emulator.model.FieldDef.many2one;
import static com.customk9.emulator.model.FieldDef.one2many;
import static com.customk9.emulator.model.FieldDef.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** website_blog: blogs, posts (with website SEO metadata), tags. */
final class BlogModels {

    private BlogModels() {
    }

    static void define(ModelRegistry registry) {
        registry.add(new ModelDef("blog.blog", "Blog").order("name").fields(
                chars("name", "Blog Name").required(),
                chars("subtitle", "Blog Subtitle"),
                bool("active", "Active").defaultValue(true),
                html("content", "Content"),
                one2many("blog_post_ids", "blog.post", "blog_id", "Blog Posts"),
                integer("blog_post_count", "Posts").computed((records, blog) ->
                        (long) records.referencing("blog.post", "blog_id", (Long) blog.get("id")).size())));

        registry.add(new ModelDef("blog.tag", "Blog Tag").order("name").fields(
                chars("name", "Name").required(),
                many2many("post_ids", "blog.post", "Posts").computed((records, tag) -> {
                    List<Long> posts = new ArrayList<>();
                    for (Map<String, Object> post : records.records("blog.post")) {
                        if (post.get("tag_ids") instanceof List<?> tags && tags.contains(tag.get("id"))) {
                            posts.add((Long) post.get("id"));
                        }
                    }
                    return posts;
                }))
                .unique("blog_tag_name_uniq", "Tag name already exists!", "name"));

        registry.add(new ModelDef("blog.post", "Blog Post").order("id desc").fields(
                chars("name", "Title").required().defaultValue(""),
                chars("subtitle", "Sub Title"),
                many2one("author_id", "res.partner", "Author").defaultValue(DefaultContext::userPartnerId),
                bool("active", "Active").defaultValue(true),
                many2one("blog_id", "blog.blog", "Blog").required().cascade(),
                many2many("tag_ids", "blog.tag", "Tags"),
                html("content", "Content").defaultValue(""),
                text("teaser", "Teaser").computed((records, post) -> {
                    Object manual = post.get("teaser_manual");
                    if (manual != null) {
                        return manual;
                    }
                    String plain = String.valueOf(post.get("content") == null ? "" : post.get("content"))
                            .replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
                    return plain.length() > 200 ? plain.substring(0, 200) + "..." : plain;
                }),
                text("teaser_manual", "Teaser Content"),
                bool("is_published", "Is Published").defaultValue(false),
                bool("website_published", "Visible on current website").computed((records, post) ->
                        Related.truthy(post.get("is_published"))),
                datetime("published_date", "Published Date"),
                datetime("post_date", "Publishing date").computedStored((records, post) ->
                        post.get("published_date") != null ? post.get("published_date") : post.get("create_date")),
                integer("visits", "No of Views").defaultValue(0L),
                chars("website_meta_title", "Website meta title"),
                text("website_meta_description", "Website meta description"),
                chars("website_meta_keywords", "Website meta keywords"),
                chars("website_url", "Website URL").computed((records, post) -> "/blog/"
                        + EventModels.slug(records.displayName("blog.blog", (Long) post.get("blog_id")),
                                (Long) post.get("blog_id"))
                        + "/" + EventModels.slug(post.get("name"), (Long) post.get("id")))));
    }
}
